import { ComparePicker } from './compare-picker';
import { CompareView } from './compare-view';
import { TabMenu } from './tab-menu';

/** Compare's overlay and its "Compare with…" picker; mount once in the app. */
export function CompareHost() {
  return (
    <>
      <TabMenu />
      <ComparePicker />
      <CompareView />
    </>
  );
}
