import type { TreeNode } from '../../../../shared/model';
import { Button } from '../../ui';
import { useWorkspaceStore } from '../workspace';
import { countsOf, RunnerProgress, RunnerSummary } from './runner-progress';
import { PlayIcon, RunnerHeader } from './runner-header';
import { ResultsList } from './results-list';
import { isRefusedResult, useRunnerStore, type RowFilter, type RunView } from './runner.store';

/** Requests under a tree path ('' = all), in the tree's order. */
function requestsUnder(nodes: TreeNode[], path: string): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: TreeNode[], inside: boolean) => {
    for (const n of list) {
      const here = inside || n.path === path;
      if (n.type === 'request' && here) out.push(n);
      else if (n.type === 'folder') walk(n.children, here);
    }
  };
  walk(nodes, path === '');
  return out;
}

/** Before the first run: what will run, and Run. */
function ReadyState() {
  const target = useRunnerStore((s) => s.target);
  const start = useRunnerStore((s) => s.start);
  const tree = useWorkspaceStore((s) => s.snapshot?.tree ?? []);
  const env = useWorkspaceStore((s) => s.env);
  if (!target) return null;
  const n = requestsUnder(tree, target.path).length;
  return (
    <div className="runner-ready">
      <span className="runner-ready-icon"><PlayIcon size={22} /></span>
      <p className="runner-ready-title">Run {n} request{n === 1 ? '' : 's'} one after the other</p>
      <p className="muted">In the folder&rsquo;s order{env ? <>, with the environment <strong>{env}</strong></> : ', without an environment'}. Each result lands here as it comes;
        a refusal opens its explanation and Troubleshoot.</p>
      <Button variant="primary" onClick={() => void start()} disabled={n === 0}><PlayIcon /> Run {n} request{n === 1 ? '' : 's'}</Button>
    </div>
  );
}

function FilterBar({ run }: { run: RunView }) {
  const filter = useRunnerStore((s) => s.filter);
  const setOptions = useRunnerStore((s) => s.setOptions);
  const c = countsOf(run);
  const items: Array<[RowFilter, string, number]> = [
    ['all', 'All', Math.max(c.total, run.results.length)], ['passed', 'Passed', c.passed], ['failed', 'Failed', c.failed],
    ['refused', 'Refused', run.results.filter(isRefusedResult).length],
  ];
  return (
    <div className="runner-filter" role="group" aria-label="Show results">
      {items.map(([id, label, n]) => (
        <button key={id} type="button" aria-pressed={filter === id} className={`runner-filter-btn is-${id}${n > 0 ? ' has-some' : ''}`} onClick={() => setOptions({ filter: id })}>
          {label} <span className="runner-filter-n">{n}</span>
        </button>
      ))}
    </div>
  );
}

/** The Runner: a folder or the whole workspace run in the app, with live progress, the results and each refusal explained. */
export function RunnerView() {
  const run = useRunnerStore((s) => s.run);
  return (
    <section className="runner" aria-label="Runner">
      <RunnerHeader />
      {!run ? <ReadyState /> : (
        <>
          {run.error && (
            <div className="runner-error" role="alert">
              <strong>The run could not {run.results.length ? 'finish' : 'start'}.</strong> {run.error.message}{run.error.remedy ? ` ${run.error.remedy}` : ''}
            </div>
          )}
          <RunnerProgress key={run.runId} run={run} />
          <RunnerSummary run={run} />
          <div className="runner-table">
            <FilterBar run={run} />
            <div className="rr-head" aria-hidden>
              <span>#</span><span>Status</span><span>Method</span><span>Request</span><span>Result</span><span className="rr-time">Time</span><span />
            </div>
            <ResultsList run={run} />
          </div>
        </>
      )}
    </section>
  );
}
