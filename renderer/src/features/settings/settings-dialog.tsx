import { Button, Dialog } from '../../ui';
import { useSettingsStore } from './settings.store';
import { ThemeChoice } from './theme-choice';

function SettingsDialog() {
  const hide = useSettingsStore((s) => s.hide);
  return (
    <Dialog title="Settings" wide onClose={hide} footer={<Button variant="primary" onClick={hide}>Done</Button>}>
      <section className="settings-section" aria-labelledby="settings-appearance">
        <h3 id="settings-appearance" className="settings-heading">Appearance</h3>
        <div className="settings-row">
          <div className="settings-row-text">
            <span className="settings-row-label">Theme</span>
            <span className="settings-row-hint">Follows the OS unless you choose; also in the palette (Ctrl/⌘+K → Theme).</span>
          </div>
          <ThemeChoice />
        </div>
      </section>
    </Dialog>
  );
}

/** Mount once in the app; opened by the palette, the menu and Ctrl/Cmd+, */
export function SettingsHost() {
  return useSettingsStore((s) => s.open) ? <SettingsDialog /> : null;
}
