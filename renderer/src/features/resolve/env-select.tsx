import { useWorkspaceStore } from '../workspace';

/** The top bar's environment selector: the open workspace's environments/*.yaml. */
export function EnvSelect() {
  const root = useWorkspaceStore((s) => s.root);
  const environments = useWorkspaceStore((s) => s.environments);
  const env = useWorkspaceStore((s) => s.env);
  const setEnv = useWorkspaceStore((s) => s.setEnv);
  return (
    <label className={`slot slot-select${root ? '' : ' is-disabled'}`} title={root ? 'Environment for {{variables}}' : 'Open a workspace to pick an environment'}>
      <span className="slot-label">Env</span>
      <select aria-label="Environment" className="slot-native" disabled={!root} value={env ?? ''} onChange={(e) => setEnv(e.target.value || null)}>
        <option value="">No environment</option>
        {environments.map((e) => <option key={e.path} value={e.name}>{e.name}</option>)}
      </select>
      <span className="slot-caret" aria-hidden>▾</span>
    </label>
  );
}
