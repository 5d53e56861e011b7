import { useId, type ReactNode } from 'react';
import { onTabKeyDown } from './tab-keys';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  /** Small count or marker after the label, e.g. Headers (3). */
  badge?: ReactNode;
}

interface TabsProps<K extends string> {
  items: ReadonlyArray<TabItem<K>>;
  active: K;
  onChange(key: K): void;
  label: string;
  /** Extra controls aligned to the right of the tab strip. */
  trailing?: ReactNode;
  children: ReactNode;
}

/** An ARIA tablist with one panel (the active one's content). */
export function Tabs<K extends string>({ items, active, onChange, label, trailing, children }: TabsProps<K>) {
  const base = useId();
  return (
    <div className="tabs">
      <div className="tabs-strip">
        <div role="tablist" aria-label={label} className="tabs-list">
          {items.map((it) => (
            <button
              key={it.key}
              type="button"
              role="tab"
              id={`${base}-${it.key}`}
              aria-selected={it.key === active}
              aria-controls={`${base}-panel`}
              className="tab"
              onClick={() => onChange(it.key)}
              onKeyDown={(e) => onTabKeyDown(e)}
            >
              {it.label}
              {it.badge !== undefined && it.badge !== null && <span className="tab-badge">{it.badge}</span>}
            </button>
          ))}
        </div>
        {trailing && <div className="tabs-trailing">{trailing}</div>}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${active}`} className="tabs-panel">
        {children}
      </div>
    </div>
  );
}
