// One cell's record from a response: status class, the refusal verdict (the one rule in
// shared/explain/refusal) and, for a refusal, who refused and why as the explainer says it.
import { explain } from '../../shared/explain/explain';
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import type { CellRefusal, CellResponse, MatrixCell, StatusClass } from '../../shared/contract/matrix';
import { explainInputOf, recordBodyText, type ResponseRecord } from '../../shared/model';

export function statusClassOf(status: number | null): StatusClass {
  if (status === null) return 'error';
  const c = Math.floor(status / 100);
  return c >= 1 && c <= 5 ? (`${c}xx` as StatusClass) : 'error';
}

/** The refusal verdict of a response and, when refused, its explanation in three fields. */
export function refusalOf(
  rec: Pick<ResponseRecord, 'status' | 'headers' | 'body'> & { url?: string },
  body: () => string = () => recordBodyText(rec),
): { refused: boolean; refusal?: CellRefusal } {
  if (!mayBeRefusal(rec.status, rec.headers)) return { refused: false };
  const e = explain(explainInputOf(rec, body()));
  if (!isRefusal(rec, e)) return { refused: false };
  const producer = e.producer ? { id: e.producer.id, kind: e.producer.kind, name: e.producer.name, namedBy: e.producer.namedBy } : null;
  return { refused: true, refusal: { producer, cause: e.cause, reason: e.reason.text, why: e.why, fix: e.fix, confidence: e.confidence } };
}

/** Bounds of a refusal's kept response: a 300 × 12 matrix of refusals stays a few MiB. */
const KEPT_HEADERS = 24;
const KEPT_VALUE = 300;
const KEPT_BODY = 600;

/**
 * The response in brief; `mask` hides the cell's secrets (a key the server echoed back) before the
 * cut, so a cut cannot split one out of reach of the mask.
 */
function responseSummary(rec: ResponseRecord, body: string, mask: (s: string) => string): CellResponse {
  const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);
  return {
    ...(rec.statusText ? { statusText: rec.statusText } : {}),
    headers: rec.headers.slice(0, KEPT_HEADERS).map(([n, v]): [string, string] => [n, cut(mask(v), KEPT_VALUE)]),
    body: cut(mask(body), KEPT_BODY),
    bodyBytes: rec.size.bodyDecoded,
  };
}

export function responseCell(rec: ResponseRecord, timeMs: number, mask: (s: string) => string = (s) => s): MatrixCell {
  let text: string | undefined;
  const body = (): string => (text ??= recordBodyText(rec)); // decoded once for the verdict and the summary
  const verdict = refusalOf(rec, body);
  const response = verdict.refused ? { response: responseSummary(rec, body(), mask) } : {};
  return { status: rec.status, statusClass: statusClassOf(rec.status), ...verdict, ...response, timeMs };
}

export function errorCell(error: { code: string; message: string }, timeMs = 0): MatrixCell {
  return { status: null, statusClass: 'error', refused: false, error: { code: error.code, message: error.message }, timeMs };
}

export function skippedCell(why: string): MatrixCell {
  return { status: null, statusClass: 'skipped', refused: false, skipped: why, timeMs: 0 };
}
