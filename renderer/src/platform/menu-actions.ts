// The desktop menu's seam: the main process sends the chosen action's id (app.onMenuAction); the
// app runs it as its palette would. In the browser (serve) nothing is ever sent.
import { APP_ACTIONS, type AppAction, type AppActionId } from '../../../shared/contract/app-actions';
import { api } from './index';

export { APP_ACTIONS, type AppAction, type AppActionId };

/** Calls `run` with each menu action the user chooses; returns the unsubscribe function. */
export function onMenuAction(run: (action: AppActionId) => void): () => void {
  return api.events.on('app', 'onMenuAction', ({ action }) => run(action));
}
