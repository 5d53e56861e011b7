import { useEffect } from 'react';
import { lazyView } from '../../ui';
import { useSettingsStore } from './settings.store';

// Fetched when Settings is first opened, not with the first paint.
const SettingsDialog = lazyView(() => import('./settings-dialog').then((m) => m.SettingsDialog));

/** Loads the settings once (the theme they keep) and shows the view when opened; mount once in the app. */
export function SettingsHost() {
  const open = useSettingsStore((s) => s.open);
  const load = useSettingsStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return open ? <SettingsDialog /> : null;
}
