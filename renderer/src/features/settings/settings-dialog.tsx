import type { Settings } from '../../../../shared/contract/settings';
import { Button, Dialog } from '../../ui';
import { useHistoryStore } from '../history';
import { chooseTheme, useSettingsStore } from './settings.store';
import { Segmented, SettingRow, TextSetting } from './settings-fields';
import { useThemeStore, type ThemePref } from './theme.store';

const THEMES: Array<{ value: ThemePref; label: string; hint: string }> = [
  { value: 'system', label: 'System', hint: 'Light or dark as the OS is set' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];
const VERSIONS: Array<{ value: Settings['httpVersion']; label: string; hint: string }> = [
  { value: 'auto', label: 'Auto', hint: 'HTTP/2 when a TLS server offers it, else HTTP/1.1' },
  { value: '1.1', label: 'HTTP/1.1', hint: 'Never HTTP/2' },
  { value: '2', label: 'HTTP/2', hint: 'HTTP/2 or a clear failure (h2c on http://)' },
];

const splitHosts = (text: string) => text.split(/[\s,]+/).map((h) => h.trim()).filter(Boolean);

function Sections({ values }: { values: Settings }) {
  const save = useSettingsStore((s) => s.save);
  const theme = useThemeStore((s) => s.pref);
  const proxy = values.proxy;
  return (
    <>
      <section className="settings-section" aria-label="Appearance">
        <h3 className="settings-heading">Appearance</h3>
        <SettingRow field="theme" label="Theme" hint="Follows the OS unless you choose; also in the palette (Ctrl/⌘+K, Theme).">
          <Segmented name="theme" label="Theme" value={theme} choices={THEMES} onChange={chooseTheme} />
        </SettingRow>
      </section>
      <section className="settings-section" aria-label="Requests">
        <h3 className="settings-heading">Requests</h3>
        <SettingRow field="httpVersion" label="HTTP version" hint="For requests that do not choose one (a pasted curl's --http1.1 or --http2 does).">
          <Segmented name="http-version" label="HTTP version" value={values.httpVersion} choices={VERSIONS}
            onChange={(httpVersion) => void save('httpVersion', { httpVersion }, { instant: true })} />
        </SettingRow>
        <SettingRow field="proxy" label="Proxy" hint="Every send goes through this HTTP proxy unless its request or gateway names another. Empty: direct.">
          <div className="settings-stack">
            <TextSetting label="Proxy URL" mono placeholder="http://proxy.corp:3128" value={proxy?.url ?? ''}
              onCommit={(url) => void save('proxy', { proxy: url ? { url, noProxy: proxy?.noProxy ?? [] } : null })} />
            <TextSetting label="No proxy for" mono placeholder="No proxy for: localhost, .lan" value={proxy?.noProxy.join(', ') ?? ''}
              onCommit={(hosts) => { if (proxy) void save('proxy', { proxy: { url: proxy.url, noProxy: splitHosts(hosts) } }); }} />
          </div>
        </SettingRow>
        <SettingRow field="caFile" label="CA certificates" hint="A PEM file of extra authorities to trust (a company or local CA), besides the built-in ones.">
          <TextSetting label="CA certificates file" mono placeholder="/etc/ssl/company-ca.pem" value={values.caFile ?? ''}
            onCommit={(path) => void save('caFile', { caFile: path || null })} />
        </SettingRow>
      </section>
      <section className="settings-section" aria-label="History">
        <h3 className="settings-heading">History</h3>
        <SettingRow field="historySize" label="History size" hint="The most sends kept; older ones are removed (now, if you lower it).">
          <TextSetting label="History size" type="number" value={String(values.historySize)}
            onCommit={(n) => void save('historySize', { historySize: Number(n) }).then((ok) => {
              // A lower size prunes the backend's history at once: the list shows what is left.
              if (ok) void useHistoryStore.getState().refresh();
            })} />
        </SettingRow>
      </section>
    </>
  );
}

/** The Settings view, in its own chunk (settings-host.tsx loads it when first opened). */
export function SettingsDialog() {
  const hide = useSettingsStore((s) => s.hide);
  const values = useSettingsStore((s) => s.values);
  const loadError = useSettingsStore((s) => s.loadError);
  return (
    <Dialog title="Settings" wide onClose={hide} footer={<Button variant="primary" onClick={hide}>Done</Button>}>
      {loadError && <p className="form-error" role="alert">{loadError}</p>}
      {values ? <Sections values={values} /> : !loadError && <p className="muted">Loading…</p>}
    </Dialog>
  );
}
