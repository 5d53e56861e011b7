import { create } from 'zustand';
import type { OmittableHeader, RequestFile, RequestSpecInput } from '../../../../shared/model';
import type { KvRow } from '../../ui';
import { parseQuery, syncParamsFromUrl, withQuery } from '../../lib/url-query';
import { draftFromCurl } from './curl-import';
import { bodyDraftFrom, emptyDraft, type BodyDraft, type Draft, type DraftNotice, type EditorSection, type FileLink } from './draft';
import { draftFromFile } from './file-draft';

interface RequestEditorState {
  tabs: Draft[];
  activeId: string;
  newTab(from?: RequestSpecInput): string;
  closeTab(id: string): void;
  activate(id: string): void;
  setMethod(id: string, method: string): void;
  setUrl(id: string, url: string): void;
  setParams(id: string, params: KvRow[]): void;
  setHeaders(id: string, headers: KvRow[]): void;
  setBody(id: string, patch: Partial<BodyDraft>): void;
  setSection(id: string, section: EditorSection): void;
  setProfiles(id: string, patch: Partial<Draft['profiles']>): void;
  /** Replaces method, URL, headers, body and send options with a pasted curl command's (or shows why not). */
  importCurl(id: string, command: string): void;
  resetOptions(id: string): void;
  /** Switches one of the engine's default headers off (or back on) for this request. */
  setOmitted(id: string, name: OmittableHeader, off: boolean): void;
  setNotice(id: string, notice: DraftNotice | null): void;
  /** Opens a workspace file in a new tab (or activates the tab that already shows it). */
  openFile(file: RequestFile, link: FileLink): string;
  /** Shows the file as read from disk again (reload, or a clean tab whose file changed). */
  replaceFromFile(id: string, file: RequestFile, link: FileLink): void;
  setFileLink(id: string, patch: Partial<FileLink> | null): void;
}

const first = emptyDraft();

function fromSpec(spec: RequestSpecInput): Draft {
  const d = emptyDraft();
  d.method = spec.method;
  d.url = spec.url;
  d.params = parseQuery(spec.url);
  d.headers = (spec.headers ?? []).map((h) => ({ name: h.name, value: h.value, enabled: h.enabled ?? true }));
  d.body = bodyDraftFrom(spec.body, d.body);
  return d;
}

export const useRequestEditorStore = create<RequestEditorState>()((set, get) => {
  const patch = (id: string, fn: (d: Draft) => Partial<Draft>) =>
    set((s) => ({ tabs: s.tabs.map((d) => (d.id === id ? { ...d, ...fn(d) } : d)) }));
  return {
    tabs: [first],
    activeId: first.id,
    newTab(from) {
      const d = from ? fromSpec(from) : emptyDraft();
      set((s) => ({ tabs: [...s.tabs, d], activeId: d.id }));
      return d.id;
    },
    closeTab(id) {
      const { tabs, activeId } = get();
      const idx = tabs.findIndex((d) => d.id === id);
      let rest = tabs.filter((d) => d.id !== id);
      if (rest.length === 0) rest = [emptyDraft()];
      const next = activeId === id ? (rest[Math.min(idx, rest.length - 1)] ?? rest[0]!).id : activeId;
      set({ tabs: rest, activeId: next });
    },
    activate: (id) => set({ activeId: id }),
    setMethod: (id, method) => patch(id, () => ({ method })),
    setUrl: (id, url) => patch(id, (d) => ({ url, params: syncParamsFromUrl(url, d.params) })),
    setParams: (id, params) => patch(id, (d) => ({ params, url: withQuery(d.url, params) })),
    setHeaders: (id, headers) => patch(id, () => ({ headers })),
    setBody: (id, p) => patch(id, (d) => ({ body: { ...d.body, ...p } })),
    setSection: (id, section) => patch(id, () => ({ section })),
    setProfiles: (id, p) => patch(id, (d) => ({ profiles: { ...d.profiles, ...p } })),
    importCurl: (id, command) => patch(id, (d) => draftFromCurl(d, command)),
    // Reset drops what a pasted curl set; the default headers switched off stay (they show under Headers).
    resetOptions: (id) => patch(id, (d) => ({ options: d.options.omitDefaultHeaders ? { omitDefaultHeaders: d.options.omitDefaultHeaders } : {} })),
    setOmitted: (id, name, off) => patch(id, (d) => {
      const rest = (d.options.omitDefaultHeaders ?? []).filter((n) => n !== name);
      return { options: { ...d.options, omitDefaultHeaders: off ? [...rest, name] : rest } };
    }),
    setNotice: (id, notice) => patch(id, () => ({ notice })),
    openFile(file, link) {
      const open = get().tabs.find((d) => d.file?.path === link.path);
      if (open) {
        set({ activeId: open.id });
        return open.id;
      }
      const d = draftFromFile(file, link);
      // A lone untouched scratch tab gives way to the file, as editors do.
      set((s) => {
        const scratch = s.tabs.length === 1 && !s.tabs[0]!.file && s.tabs[0]!.url === '' ? [] : s.tabs;
        return { tabs: [...scratch, d], activeId: d.id };
      });
      return d.id;
    },
    replaceFromFile: (id, file, link) => patch(id, (d) => draftFromFile(file, link, d)),
    setFileLink: (id, p) => patch(id, (d) => ({ file: p === null ? null : d.file ? { ...d.file, ...p } : null })),
  };
});

export function useActiveDraft(): Draft {
  return useRequestEditorStore((s) => s.tabs.find((d) => d.id === s.activeId) ?? s.tabs[0]!);
}
