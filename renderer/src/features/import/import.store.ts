import { create } from 'zustand';
import type { z } from 'zod';
import type { ImportRunResultSchema } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';
import { useWorkspaceStore } from '../workspace';
import { type ReadFolder, isBrunoPart, readContent } from './folder-read';

export type ImportSummary = z.output<typeof ImportRunResultSchema>;
export type ImportFormat = 'auto' | 'postman' | 'insomnia' | 'bruno' | 'openapi' | 'har' | 'curl';

interface ImportState {
  /** the dialog is open */
  open: boolean;
  file: { name: string; content: string; encoding: 'text' | 'base64' } | null;
  /** a picked or dropped folder (a Bruno collection), instead of a file */
  folder: ReadFolder | null;
  /** files read so far while a folder is being read */
  reading: number | null;
  format: ImportFormat;
  outDir: string;
  busy: boolean;
  error: string | null;
  result: ImportSummary | null;
  start(): void;
  pick(file: File): Promise<void>;
  /** reads a folder (picked or dropped) with progress; its errors show in the dialog */
  pickFolder(read: (progress: (n: number) => void) => Promise<ReadFolder>): Promise<void>;
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

/** A lone file of a Bruno collection: what to do instead. */
const WHOLE_FOLDER = (name: string) => `${name} is one file of a Bruno collection, which is a folder: drop the whole collection folder `
  + '(the one holding bruno.json or opencollection.yml) on the window, or click "Choose a folder".';

export const useImportStore = create<ImportState>()((set, get) => ({
  open: false, file: null, folder: null, reading: null, format: 'auto', outDir: '', busy: false, error: null, result: null,
  start: () => set({ open: true, file: null, folder: null, result: null, error: null, format: 'auto' }),
  async pick(file) {
    if (isBrunoPart(file.name)) {
      set({ open: true, file: null, folder: null, result: null, error: WHOLE_FOLDER(file.name) });
      return;
    }
    const read = await readContent(file);
    const prev = get().outDir;
    const had = get().file ?? get().folder;
    const format = get().format === 'bruno' ? 'auto' : get().format;
    set({ open: true, file: { name: file.name, ...read }, folder: null, format, result: null, error: null, outDir: prev && had ? prev : suggestOut(file.name) || prev });
  },
  async pickFolder(read) {
    const prev = get().outDir;
    const had = get().file ?? get().folder;
    set({ open: true, file: null, folder: null, reading: 0, result: null, error: null });
    try {
      const folder = await read((n) => set({ reading: n }));
      if (folder.files.length === 0) throw new Error(`${folder.name} holds no files to import`);
      set({ folder, reading: null, format: 'bruno', outDir: prev && had ? prev : suggestOut(folder.name) || prev });
    } catch (err) {
      set({ reading: null, error: `Could not read the folder: ${(err as Error).message}` });
    }
  },
  set: (patch) => set(patch),
  async run() {
    const { file, folder, format, outDir } = get();
    if ((!file && !folder) || !outDir.trim()) return;
    if (file && format === 'bruno') {
      set({ error: 'A Bruno collection is a folder: click "Choose a folder" or drop the folder on the window.' });
      return;
    }
    set({ busy: true, error: null });
    try {
      const result = folder
        ? await api.imports.run({ format: 'bruno', fileName: folder.name, files: folder.files, outDir: outDir.trim() })
        : await api.imports.run({ format, fileName: file!.name, content: file!.content, encoding: file!.encoding, outDir: outDir.trim() });
      set({ busy: false, result });
      await useWorkspaceStore.getState().open(result.root);
    } catch (err) {
      const e = toClientError(err);
      set({ busy: false, error: e.remedy ? `${e.message}. ${e.remedy}` : e.message });
    }
  },
  close: () => set({ open: false, file: null, folder: null, reading: null, result: null, error: null, busy: false }),
}));
