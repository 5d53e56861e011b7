import type { CellRefusal, CellResponse } from '../../../../shared/contract';
import { CAUSES } from '../../../../shared/explain/causes';
import { namedByNote } from '../../../../shared/explain/named-by';
import { Button } from '../../ui';
import { AlertIcon, causePhrase, kindLabel } from '../explain';

/** What the refusal's response said, as the cell kept it: the status line, its headers, the body's start. */
function ResponseSummary({ status, response }: { status: number | null; response: CellResponse }) {
  const more = response.bodyBytes > new TextEncoder().encode(response.body).length;
  return (
    <div className="cell-explain-response">
      <span className="explain-label">Response</span>
      <p className="mono cell-explain-line">{status} {response.statusText ?? ''}</p>
      {response.headers.length > 0 && (
        <dl className="cell-explain-headers mono" aria-label="Response headers">
          {response.headers.map(([n, v], i) => <div key={i}><dt>{n}</dt><dd>{v}</dd></div>)}
        </dl>
      )}
      {response.body !== '' && <pre className="cell-explain-body" aria-label="Response body">{response.body}{more ? '\n…' : ''}</pre>}
    </div>
  );
}

/**
 * A refusal explained from what a matrix cell (or a watch change) keeps: who refused, the cause,
 * the explainer's verdict and fix, and — for a matrix cell — the response in brief. Sending again
 * brings the whole response, the evidence and Troubleshoot.
 */
export function CellExplanation({ refusal, status, response, onSendAgain }: {
  refusal: CellRefusal | undefined; status: number | null; response?: CellResponse | undefined; onSendAgain(): void;
}) {
  const producer = refusal?.producer;
  const cause = refusal ? CAUSES[refusal.cause] : undefined;
  const by = producer ? `${producer.name} (${kindLabel(producer.kind)})` : 'an unidentified layer';
  return (
    <section className="explain-card cell-explain" aria-label="Explanation">
      <div className="explain-band" role="alert">
        <AlertIcon />
        <span className="explain-band-text">
          {status !== null && <span className="explain-status">{status}</span>}
          <span>Refused by <strong>{by}</strong>{refusal && <><span className="explain-dash"> — </span>{causePhrase(refusal.cause)}</>}</span>
        </span>
      </div>
      <div className="explain-body">
        <div className="explain-facts">
          <div className="explain-fact">
            <span className="explain-label">Refused by</span>
            <span className="explain-producer">{producer?.name ?? 'Unidentified layer'}{producer && <span className="kind-pill">{kindLabel(producer.kind)}</span>}
              {producer && namedByNote(producer.namedBy) && <span className="explain-named-by">{namedByNote(producer.namedBy)}</span>}</span>
          </div>
          {refusal && cause && (
            <div className="explain-fact">
              <span className="explain-label">Cause</span>
              <span className="explain-cause" title={cause.meaning}>{cause.title}</span>
            </div>
          )}
        </div>
        {refusal && <div><span className="explain-label">Why</span><p className="cell-explain-text">{refusal.why ?? refusal.reason}</p></div>}
        {(refusal?.fix ?? cause) && <div><span className="explain-label">Fix</span><p className="cell-explain-text">{refusal?.fix ?? cause?.fix}</p></div>}
        {response && <ResponseSummary status={status} response={response} />}
        <div className="cell-explain-more">
          <p className="muted">{response ? 'The matrix keeps the response in brief' : 'The matrix keeps each cell\u2019s verdict, not its response'}: the
            whole response, the evidence and Troubleshoot come with sending it again, with this cell&rsquo;s key and gateway.</p>
          <Button variant="primary" size="sm" onClick={onSendAgain}>Send again to explain</Button>
        </div>
      </div>
    </section>
  );
}
