import './matrix.css';

import { lazyView } from '../../ui';

// Its own chunk: loaded the first time the matrix is shown.
export const MatrixView = lazyView(() => import('./matrix-view').then((m) => m.MatrixView), 'Loading the matrix…');
export { MatrixTab } from './matrix-tab';
export { GridIcon } from './matrix-icon';
export { useMatrixStore, showMatrix, type MatrixTarget } from './matrix.store';
