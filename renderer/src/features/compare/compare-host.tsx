import { lazyView } from '../../ui';
import { useCompareStore } from './compare.store';
import { ComparePicker } from './compare-picker';
import { TabMenu } from './tab-menu';

// The view and its diff library load when a comparison is first asked for, not with the first paint.
const CompareView = lazyView(() => import('./compare-view').then((m) => m.CompareView));

/** Compare's overlay and its "Compare with…" picker; mount once in the app. */
export function CompareHost() {
  const shown = useCompareStore((s) => s.view.state !== 'closed');
  return (
    <>
      <TabMenu />
      <ComparePicker />
      {shown && <CompareView />}
    </>
  );
}
