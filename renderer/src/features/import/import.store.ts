import { create } from 'zustand';
import type { z } from 'zod';
import type { ImportRunResultSchema } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';
import { useWorkspaceStore } from '../workspace';

export type ImportSummary = z.output<typeof ImportRunResultSchema>;
export type ImportFormat = 'auto' | 'postman' | 'insomnia' | 'openapi' | 'har' | 'curl';

interface ImportState {
  /** the dialog is open */
  open: boolean;
  file: { name: string; content: string; encoding: 'text' | 'base64' } | null;
  format: ImportFormat;
  outDir: string;
  busy: boolean;
  error: string | null;
  result: ImportSummary | null;
  start(): void;
  pick(file: File): Promise<void>;
  set(patch: Partial<Pick<ImportState, 'format' | 'outDir'>>): void;
  run(): Promise<void>;
  close(): void;
}

function slug(name: string): string {
  const base = name.replace(/\.(json|ya?ml|har|txt|sh)$/i, '').replace(/\.postman_collection$/i, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
}

/** A sibling of the open workspace (or of the last one), named after the file. */
function suggestOut(fileName: string): string {
  const root = useWorkspaceStore.getState().root;
  if (!root) return '';
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  return `${root.slice(0, root.lastIndexOf(sep))}${sep}${slug(fileName)}`;
}

async function readFile(file: File): Promise<{ content: string; encoding: 'text' | 'base64' }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { content: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'text' };
  } catch {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { content: btoa(bin), encoding: 'base64' };
  }
}

export const useImportStore = create<ImportState>()((set, get) => ({
  open: false, file: null, format: 'auto', outDir: '', busy: false, error: null, result: null,
  start: () => set({ open: true, file: null, result: null, error: null, format: 'auto' }),
  async pick(file) {
    const read = await readFile(file);
    const prev = get().outDir;
    set({ open: true, file: { name: file.name, ...read }, result: null, error: null, outDir: prev && get().file ? prev : suggestOut(file.name) || prev });
  },
  set: (patch) => set(patch),
  async run() {
    const { file, format, outDir } = get();
    if (!file || !outDir.trim()) return;
    set({ busy: true, error: null });
    try {
      const result = await api.imports.run({ format, fileName: file.name, content: file.content, encoding: file.encoding, outDir: outDir.trim() });
      set({ busy: false, result });
      await useWorkspaceStore.getState().open(result.root);
    } catch (err) {
      const e = toClientError(err);
      set({ busy: false, error: e.remedy ? `${e.message}. ${e.remedy}` : e.message });
    }
  },
  close: () => set({ open: false, file: null, result: null, error: null, busy: false }),
}));
