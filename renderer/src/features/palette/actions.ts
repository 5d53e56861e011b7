// The one dispatcher for the app's actions (shared/contract/app-actions.ts): the command palette,
// the desktop menu (app.onMenuAction) and the window's shortcuts all run an action through here,
// so none of them can drift from the others.
import type { AppActionId } from '../../../../shared/contract/app-actions';
import { api, toClientError } from '../../platform';
import { promptText } from '../../ui';
import { compareTabWith } from '../compare';
import { openTroubleshoot } from '../explain';
import { useImportStore } from '../import';
import { showMatrix, useMatrixStore } from '../matrix';
import { sendTab, useRequestEditorStore } from '../request-editor';
import { isRefusal, useResponseStore } from '../response';
import { showRunner, useRunnerStore } from '../runner';
import { chooseTheme, openSettings } from '../settings';
import { closeTabAsking, saveActiveTab, useWorkspaceStore } from '../workspace';
import { tryDemo } from '../workspace/demo';
import { usePaletteStore } from './palette.store';

/** Why an action cannot run now (shown greyed in the palette, with this as its note), or null. */
export function unavailable(id: AppActionId): string | null {
  const root = useWorkspaceStore.getState().root;
  switch (id) {
    case 'show-troubleshoot': return refusedRecord() ? null : 'Troubleshoot needs a refused response in the open tab';
    case 'show-runner': return root || useRunnerStore.getState().target ? null : 'Open a workspace to run its requests';
    case 'show-matrix': return root || useMatrixStore.getState().target ? null : 'Open a workspace to see its access matrix';
    case 'show-compare': return activeExchangeDone() ? null : 'Compare needs a response in the open tab (or tick two History entries)';
    default: return null;
  }
}

function activeExchangeDone(): boolean {
  return useResponseStore.getState().byTab[useRequestEditorStore.getState().activeId]?.state === 'done';
}

/** The open tab's last response, when it was refused (what Troubleshoot works on). */
function refusedRecord() {
  const ex = useResponseStore.getState().byTab[useRequestEditorStore.getState().activeId];
  return ex?.state === 'done' && isRefusal(ex.record, ex.explanation) ? ex.record : null;
}

/** The editor in front again (the Runner or Matrix step aside), so its fields can take focus. */
function showEditor(): void {
  useRunnerStore.getState().hide();
  useMatrixStore.getState().hide();
}

function focusSoon(find: () => HTMLElement | null): void {
  // After React has shown what the action revealed.
  requestAnimationFrame(() => {
    const el = find();
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  });
}

/** The native folder dialog in the desktop app; in the browser (no dialog) a path prompt. */
async function openFolder(): Promise<void> {
  let path: string | null = null;
  try {
    path = (await api.app.pickFolder({ title: 'Open workspace folder' })).path;
  } catch (err) {
    useWorkspaceStore.setState({ error: `Could not show the folder dialog: ${toClientError(err).message}` });
  }
  path ??= await promptText({ title: 'Open folder', label: 'Workspace folder path', action: 'Open', initial: useWorkspaceStore.getState().root ?? '' });
  if (path) await useWorkspaceStore.getState().open(path);
}

function showHistory(): void {
  showEditor();
  const section = document.querySelector<HTMLElement>('section[aria-label="History"]');
  const toggle = section?.querySelector<HTMLButtonElement>('.sidebar-toggle[aria-expanded="false"]');
  toggle?.click();
  focusSoon(() => document.querySelector<HTMLElement>('input[aria-label="Search history"]'));
}

/** Runs the action; one that is unavailable does nothing (the palette shows why). */
export function runAppAction(id: AppActionId): void {
  if (unavailable(id)) return;
  const editor = useRequestEditorStore.getState();
  switch (id) {
    case 'open-folder': void openFolder(); return;
    case 'import': useImportStore.getState().start(); return;
    case 'new-tab': editor.newTab(); showEditor(); return;
    case 'save': void saveActiveTab(); return;
    case 'close-tab': void closeTabAsking(editor.activeId); return;
    case 'send': {
      // In front of the editor, the Runner takes Send as Run.
      const runner = useRunnerStore.getState();
      if (runner.visible) void runner.start();
      else sendTab();
      return;
    }
    case 'focus-url': showEditor(); focusSoon(() => document.getElementById('request-url')); return;
    case 'command-palette': usePaletteStore.getState().toggle(); return;
    case 'show-troubleshoot': {
      const record = refusedRecord();
      showEditor();
      if (record) openTroubleshoot(record);
      return;
    }
    case 'show-runner': showRunner(); return;
    case 'show-matrix': showMatrix(); return;
    case 'show-history': showHistory(); return;
    case 'show-compare': showEditor(); compareTabWith(editor.activeId); return;
    case 'show-settings': openSettings(); return;
    case 'theme-system': chooseTheme('system'); return;
    case 'theme-light': chooseTheme('light'); return;
    case 'theme-dark': chooseTheme('dark'); return;
    case 'open-demo': void tryDemo(); return;
    // A new action in app-actions.ts fails to compile here until it is wired.
    default: return id satisfies never;
  }
}
