import { useThemeStore, type ThemePref } from './theme.store';

const CHOICES: Array<{ value: ThemePref; label: string; hint: string }> = [
  { value: 'system', label: 'System', hint: 'Light or dark as the OS is set' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

/** System / Light / Dark as one segmented radio group. */
export function ThemeChoice() {
  const pref = useThemeStore((s) => s.pref);
  const setPref = useThemeStore((s) => s.setPref);
  return (
    <div className="segmented-radio" role="radiogroup" aria-label="Theme">
      {CHOICES.map((c) => (
        <label key={c.value} className={`segmented-option${pref === c.value ? ' is-checked' : ''}`} title={c.hint}>
          <input type="radio" name="theme" value={c.value} checked={pref === c.value} onChange={() => setPref(c.value)} />
          {c.label}
        </label>
      ))}
    </div>
  );
}
