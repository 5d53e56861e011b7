import './runner.css';

export { RunnerView } from './runner-view';
export { RunnerTab } from './runner-tab';
export { PlayIcon } from './runner-header';
export { useRunnerStore, showRunner, type RunTarget } from './runner.store';
