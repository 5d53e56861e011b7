// One cell's record from a response: status class, the refusal verdict (the one rule in
// shared/explain/refusal) and, for a refusal, who refused and why as the explainer says it.
import { explain } from '../../shared/explain/explain';
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import type { CellRefusal, MatrixCell, StatusClass } from '../../shared/contract/matrix';
import { recordBodyText, type ResponseRecord } from '../../shared/model';

export function statusClassOf(status: number | null): StatusClass {
  if (status === null) return 'error';
  const c = Math.floor(status / 100);
  return c >= 1 && c <= 5 ? (`${c}xx` as StatusClass) : 'error';
}

/** The refusal verdict of a response and, when refused, its explanation in three fields. */
export function refusalOf(rec: Pick<ResponseRecord, 'status' | 'headers' | 'body'>): { refused: boolean; refusal?: CellRefusal } {
  if (!mayBeRefusal(rec.status, rec.headers)) return { refused: false };
  const e = explain({ status: rec.status, headers: rec.headers, body: recordBodyText(rec) });
  if (!isRefusal(rec, e)) return { refused: false };
  const producer = e.producer ? { id: e.producer.id, kind: e.producer.kind, name: e.producer.name } : null;
  return { refused: true, refusal: { producer, cause: e.cause, reason: e.reason.text } };
}

export function responseCell(rec: ResponseRecord, timeMs: number): MatrixCell {
  return { status: rec.status, statusClass: statusClassOf(rec.status), ...refusalOf(rec), timeMs };
}

export function errorCell(error: { code: string; message: string }, timeMs = 0): MatrixCell {
  return { status: null, statusClass: 'error', refused: false, error: { code: error.code, message: error.message }, timeMs };
}

export function skippedCell(why: string): MatrixCell {
  return { status: null, statusClass: 'skipped', refused: false, skipped: why, timeMs: 0 };
}
