// Try the demo: the backend starts the local demo API (once) and writes its workspace; the app opens
// it, selects the environment that points at the server and opens the first refused request.
import { api, toClientError } from '../../platform';
import { openRequest } from './file-actions';
import { useWorkspaceStore } from './workspace.store';

export async function tryDemo(): Promise<void> {
  const ws = useWorkspaceStore;
  ws.setState({ busy: true, error: null });
  let demo;
  try {
    demo = await api.app.startDemo({});
  } catch (err) {
    const e = toClientError(err);
    ws.setState({ busy: false, error: `Could not start the demo: ${e.message}${e.remedy ? ` ${e.remedy}` : ''}` });
    return;
  }
  // open() reports its own failure in the sidebar
  if (!(await ws.getState().open(demo.root))) return;
  ws.getState().setEnv(demo.env);
  const first = demo.requests[0];
  if (first) await openRequest(first);
}
