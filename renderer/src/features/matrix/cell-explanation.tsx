import type { CellRefusal } from '../../../../shared/contract';
import { CAUSES } from '../../../../shared/explain';
import { Button } from '../../ui';
import { AlertIcon, causePhrase, kindLabel } from '../explain';

/**
 * A refusal explained from what a matrix cell (or a watch change) keeps: who refused, the cause and
 * the explainer's sentence, with the cause's fix. The response itself is not kept, so the evidence
 * and Troubleshoot come with "Send again to explain".
 */
export function CellExplanation({ refusal, status, onSendAgain }: { refusal: CellRefusal | undefined; status: number | null; onSendAgain(): void }) {
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
            <span className="explain-producer">{producer?.name ?? 'Unidentified layer'}{producer && <span className="kind-pill">{kindLabel(producer.kind)}</span>}</span>
          </div>
          {refusal && cause && (
            <div className="explain-fact">
              <span className="explain-label">Cause</span>
              <span className="explain-cause" title={cause.meaning}>{cause.title}</span>
            </div>
          )}
        </div>
        {refusal && <div><span className="explain-label">Why</span><p className="cell-explain-text">{refusal.reason}</p></div>}
        {cause && <div><span className="explain-label">Fix</span><p className="cell-explain-text">{cause.fix}</p></div>}
        <div className="cell-explain-more">
          <p className="muted">The matrix keeps each cell&rsquo;s verdict, not its response: the evidence, the confidence and Troubleshoot
            come with the response. Sending again uses this cell&rsquo;s key and gateway.</p>
          <Button variant="primary" size="sm" onClick={onSendAgain}>Send again to explain</Button>
        </div>
      </div>
    </section>
  );
}
