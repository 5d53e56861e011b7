import { useEffect, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import { Button } from './button';

/** A modal card: Escape or the backdrop closes it; focus starts inside. */
export function Dialog({ title, onClose, children, footer, wide }: {
  title: string; onClose(): void; children: ReactNode; footer?: ReactNode; wide?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button.btn-primary, button');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={ref} role="dialog" aria-modal="true" aria-label={title} className={`dialog${wide ? ' dialog-wide' : ''}`}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
        <div className="dialog-title">{title}</div>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-footer">{footer}</div>}
      </div>
    </div>
  );
}

type Ask =
  | { kind: 'prompt'; title: string; label: string; initial: string; action: string; resolve(v: string | null): void }
  | { kind: 'confirm'; title: string; message: string; action: string; danger: boolean; resolve(v: boolean): void }
  | { kind: 'choice'; title: string; message: string; choices: Choice[]; resolve(v: string | null): void };

/** One button of a choice dialog, shown after Cancel in the given order. */
export interface Choice { value: string; label: string; variant?: 'primary' | 'secondary' | 'danger' }

const useAsk = create<{ current: Ask | null }>()(() => ({ current: null }));

/** Asks for one line of text (new request name, rename); null when cancelled. */
export function promptText(opts: { title: string; label: string; initial?: string; action?: string }): Promise<string | null> {
  return new Promise((resolve) => useAsk.setState({ current: { kind: 'prompt', initial: '', action: 'OK', ...opts, resolve } }));
}

/** Asks yes/no (delete); false when cancelled. */
export function confirmAction(opts: { title: string; message: string; action: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => useAsk.setState({ current: { kind: 'confirm', danger: false, ...opts, resolve } }));
}

/** Asks to pick one of several actions (Save / Don't save); null when cancelled. */
export function chooseAction(opts: { title: string; message: string; choices: Choice[] }): Promise<string | null> {
  return new Promise((resolve) => useAsk.setState({ current: { kind: 'choice', ...opts, resolve } }));
}

function PromptForm({ ask }: { ask: Extract<Ask, { kind: 'prompt' }> }) {
  const [value, setValue] = useState(ask.initial);
  const done = (v: string | null) => { useAsk.setState({ current: null }); ask.resolve(v); };
  return (
    <Dialog title={ask.title} onClose={() => done(null)} footer={<>
      <Button onClick={() => done(null)}>Cancel</Button>
      <Button variant="primary" disabled={!value.trim()} onClick={() => done(value.trim())}>{ask.action}</Button>
    </>}>
      <label className="field">
        <span className="field-label">{ask.label}</span>
        <input className="field-input" value={value} aria-label={ask.label} onChange={(e) => setValue(e.target.value)}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => { if (e.key === 'Enter' && value.trim()) done(value.trim()); }} />
      </label>
    </Dialog>
  );
}

/** Renders the open prompt or confirmation; mount once in the app. */
export function DialogHost() {
  const ask = useAsk((s) => s.current);
  if (!ask) return null;
  if (ask.kind === 'prompt') return <PromptForm key={ask.title} ask={ask} />;
  if (ask.kind === 'choice') {
    const pick = (v: string | null) => { useAsk.setState({ current: null }); ask.resolve(v); };
    return (
      <Dialog title={ask.title} onClose={() => pick(null)} footer={<>
        <Button onClick={() => pick(null)}>Cancel</Button>
        {ask.choices.map((c) => <Button key={c.value} variant={c.variant ?? 'secondary'} onClick={() => pick(c.value)}>{c.label}</Button>)}
      </>}>
        <p className="dialog-text">{ask.message}</p>
      </Dialog>
    );
  }
  const done = (v: boolean) => { useAsk.setState({ current: null }); ask.resolve(v); };
  return (
    <Dialog title={ask.title} onClose={() => done(false)} footer={<>
      <Button onClick={() => done(false)}>Cancel</Button>
      <Button variant={ask.danger ? 'danger' : 'primary'} onClick={() => done(true)}>{ask.action}</Button>
    </>}>
      <p className="dialog-text">{ask.message}</p>
    </Dialog>
  );
}
