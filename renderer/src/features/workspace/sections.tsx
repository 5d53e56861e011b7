import { useState, type ReactNode } from 'react';
import { GatewayProfileList, KeyProfileList, NewProfileButton } from '../profiles/profile-lists';
import { useWorkspaceStore } from './workspace.store';

/** A collapsible sidebar section heading with an optional count and trailing actions. */
export function SidebarSection({ title, count, children, actions, defaultOpen = true, grow }: {
  title: string; count?: number; children: ReactNode; actions?: ReactNode; defaultOpen?: boolean; grow?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className={`sidebar-section${grow && open ? ' sidebar-grow' : ''}`} aria-label={title}>
      <div className="sidebar-heading-row">
        <button type="button" className="sidebar-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <svg className={`tree-chevron${open ? ' open' : ''}`} viewBox="0 0 16 16" width="10" height="10" aria-hidden><path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg>
          <span className="sidebar-heading">{title}</span>
          {count !== undefined && <span className="sidebar-count">{count}</span>}
        </button>
        {actions && <div className="sidebar-heading-actions">{actions}</div>}
      </div>
      {open && children}
    </section>
  );
}

function NameList({ items, empty, label, active }: { items: Array<{ name: string; detail?: string }>; empty: string; label: string; active?: string | null }) {
  if (items.length === 0) return <p className="sidebar-hint">{empty}</p>;
  return (
    <ul className="name-list" aria-label={label}>
      {items.map((i) => (
        <li key={i.name} className={`name-row${i.name === active ? ' is-active' : ''}`}>
          <span className="name-row-name">{i.name}</span>
          {i.detail && <span className="name-row-detail">{i.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Environments (with their variable counts), key profiles and gateway profiles of the open workspace. */
export function ProfileSections() {
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const environments = useWorkspaceStore((s) => s.environments);
  const env = useWorkspaceStore((s) => s.env);
  if (!snapshot) return null;
  return (
    <>
      <SidebarSection title="Environments" count={environments.length}>
        <NameList label="Environments" active={env} empty="No environments: add environments/<name>.yaml."
          items={environments.map((e) => ({ name: e.name, detail: `${e.variables.length} var${e.variables.length === 1 ? '' : 's'}` }))} />
      </SidebarSection>
      <SidebarSection title="Key profiles" count={snapshot.keys.length} actions={<NewProfileButton kind="key" />}>
        <KeyProfileList />
      </SidebarSection>
      <SidebarSection title="Gateways" count={snapshot.gateways.length} actions={<NewProfileButton kind="gateway" />}>
        <GatewayProfileList />
      </SidebarSection>
    </>
  );
}
