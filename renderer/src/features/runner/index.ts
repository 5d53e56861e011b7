import './runner.css';

import { lazyView } from '../../ui';

// Its own chunk: loaded the first time the Runner is shown.
export const RunnerView = lazyView(() => import('./runner-view').then((m) => m.RunnerView), 'Loading the Runner…');
export { RunnerTab } from './runner-tab';
export { PlayIcon } from './runner-header';
export { useRunnerStore, showRunner, type RunTarget } from './runner.store';
