// What the palette lists: every app action (shared/contract/app-actions.ts), the open tabs to jump
// to, and the workspace's request files to open.
import { APP_ACTIONS, type AppAction, type AppActionId } from '../../../../shared/contract/app-actions';
import type { TreeNode } from '../../../../shared/model';
import { draftTitle, useRequestEditorStore } from '../request-editor';
import { useRunnerStore } from '../runner';
import { useMatrixStore } from '../matrix';
import { useThemeStore } from '../settings/theme.store';
import { openRequest, useWorkspaceStore } from '../workspace';
import { runAppAction, unavailable } from './actions';

export interface PaletteItem {
  id: string;
  kind: 'action' | 'tab' | 'request';
  /** what the fuzzy filter matches and the row shows */
  label: string;
  /** the group or folder, shown muted */
  detail: string;
  method?: string;
  accelerator?: string;
  /** why it cannot run now (greyed, not chosen) */
  disabled: string | null;
  /** the current choice among alternatives (the theme) */
  checked?: boolean;
  run(): void;
}

const GROUP_LABEL: Record<AppAction['group'], string> = { file: 'File', request: 'Request', view: 'View', theme: 'Theme', help: 'Help' };

function actionItems(): PaletteItem[] {
  const pref = useThemeStore.getState().pref;
  return (APP_ACTIONS as readonly AppAction[]).map((a) => {
    const id = a.id as AppActionId;
    return {
      id: `action:${id}`, kind: 'action', label: a.group === 'theme' ? `Theme: ${a.label}` : a.label, detail: GROUP_LABEL[a.group],
      accelerator: a.accelerator, disabled: unavailable(id), checked: a.group === 'theme' ? id === `theme-${pref}` : undefined,
      run: () => runAppAction(id),
    };
  });
}

function tabItems(): PaletteItem[] {
  const { tabs, activate } = useRequestEditorStore.getState();
  return tabs.map((d) => ({
    id: `tab:${d.id}`, kind: 'tab', label: draftTitle(d), detail: d.file ? `Open tab · ${d.file.path}` : 'Open tab', method: d.method, disabled: null,
    run: () => {
      activate(d.id);
      useRunnerStore.getState().hide();
      useMatrixStore.getState().hide();
    },
  }));
}

function requestItems(): PaletteItem[] {
  const snapshot = useWorkspaceStore.getState().snapshot;
  if (!snapshot) return [];
  const open = new Set(useRequestEditorStore.getState().tabs.map((d) => d.file?.path).filter(Boolean));
  const out: PaletteItem[] = [];
  const walk = (nodes: TreeNode[], folder: string) => {
    for (const n of nodes) {
      if (n.type === 'folder') walk(n.children, folder ? `${folder} / ${n.name}` : n.name);
      else if (!open.has(n.path)) {
        out.push({ id: `request:${n.path}`, kind: 'request', label: n.name, detail: folder || snapshot.file.name, method: n.method,
          disabled: n.broken ? 'This file could not be read' : null, run: () => void openRequest(n.path) });
      }
    }
  };
  walk(snapshot.tree, '');
  return out;
}

/** A snapshot of everything the palette can do right now (taken when it opens). */
export function paletteItems(): PaletteItem[] {
  return [...actionItems(), ...tabItems(), ...requestItems()];
}
