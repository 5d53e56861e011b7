import type { Preset } from './profiles.store';

/** The preset select and what the chosen gateway expects: key placement convention, URL pattern, its docs (as text). */
export function PresetPicker({ presets, value, onPick }: { presets: Preset[]; value: string; onPick(p: Preset): void }) {
  const chosen = presets.find((p) => p.id === value);
  return (
    <div className="preset-picker">
      <label className="field">
        <span className="field-label">Preset</span>
        <select className="field-input" aria-label="Preset" value={chosen ? value : ''} onChange={(e) => {
          const p = presets.find((x) => x.id === e.target.value);
          if (p) onPick(p);
        }}>
          {!chosen && <option value="">Custom (no preset)</option>}
          {presets.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      {chosen && (
        <div className="preset-card" aria-label="Preset conventions">
          <p className="preset-summary">{chosen.summary}</p>
          <div className="preset-placements">
            <span className="preset-k">Key placement</span>
            {chosen.keyPlacements.length === 0 ? <span className="muted">no key checked by this layer</span>
              : chosen.keyPlacements.map((k, i) => (
                <span key={i} className="chip placement" title={k.note}>
                  {k.in} <code>{k.name}</code>{k.prefix ? <> · prefix <code>{k.prefix.trim()}</code></> : null} · {k.kind}
                </span>
              ))}
          </div>
          {chosen.urlPattern && <div><span className="preset-k">URL</span> <code className="mono">{chosen.urlPattern}</code></div>}
          {chosen.prefixPattern && <div><span className="preset-k">Prefix</span> <code className="mono">{chosen.prefixPattern}</code></div>}
          <div className="preset-source"><span className="preset-k">Source</span> <span className="mono selectable">{chosen.source}</span></div>
        </div>
      )}
    </div>
  );
}
