import './compare.css';

export { CompareHost } from './compare-host';
export { useCompareStore, compareTabWith, type Source } from './compare.store';
export { openTabMenu } from './tab-menu';
