// imports.run: the app's Import (file or folder, picker or drop) through the same importers and writer as
// `clearance import`, with the same refusal to overwrite (the app has no --force) and the same
// keeping of credential values (OS keychain, else the local store; a warning names it).
import { copyFile, cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ContractError, type ServiceImpl, type importsContract } from '../../shared/contract';
import { WORKSPACE_FILE } from '../../shared/model/workspace';
import { countRequests, ImportError, importFile } from '../importers';
import { keepImportedSecrets } from '../secrets/imported';
import { writeCollection } from '../workspace';
import { ifMissing } from '../workspace/if-missing';
import { type ImportInput, writeImportInput } from './import-input';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}

const exists = (p: string) => stat(p).then(() => true, ifMissing(false));

export function createImportsService(): ServiceImpl<typeof importsContract> {
  return {
    async run({ format, fileName, content, encoding, files, outDir }) {
      if (!isAbsolute(outDir)) {
        throw new ContractError({ code: 'invalid-out', message: `${outDir}: give an absolute folder path`, remedy: 'For example /home/me/api/shop' });
      }
      const out = resolve(outDir);
      const info = await stat(out).catch(ifMissing(undefined));
      if (info && !info.isDirectory()) throw new ContractError({ code: 'invalid-out', message: `${out} exists and is not a folder` });
      const listing = info ? await readdir(out) : [];
      if (listing.length > 0 && !listing.includes(WORKSPACE_FILE)) {
        throw new ContractError({ code: 'exists', message: `${out} is not empty and is not a Clearance workspace: nothing written`, remedy: 'Choose a new or empty folder.' });
      }
      const staging = await mkdtemp(join(tmpdir(), 'clearance-import-'));
      let input: ImportInput | undefined;
      try {
        input = await writeImportInput(fileName, { content, encoding }, files);
        let result;
        try {
          // A folder is a Bruno collection: the same importer as `clearance import bruno DIR`.
          result = await importFile(files && format === 'auto' ? 'bruno' : format, input.path, { secrets: 'capture' });
        } catch (err) {
          if (err instanceof ImportError) throw new ContractError({ code: 'import-failed', message: err.message.replaceAll(input.path, fileName) });
          throw err;
        }
        // The workspace's clearance.yaml first: writeCollection keeps its id, which names the secrets.
        if (listing.includes(WORKSPACE_FILE)) await copyFile(join(out, WORKSPACE_FILE), join(staging, WORKSPACE_FILE));
        await writeCollection(staging, result.collection);
        const written = await filesUnder(staging);
        const clashes: string[] = [];
        for (const f of written) if (await exists(join(out, f))) clashes.push(f);
        if (clashes.length > 0) {
          const shown = clashes.slice(0, 5).join(', ') + (clashes.length > 5 ? `, and ${clashes.length - 5} more` : '');
          throw new ContractError({ code: 'exists', message: `${out}: ${clashes.length} file(s) already exist (${shown}); nothing written`, remedy: 'Import into a new or empty folder.' });
        }
        const kept = await keepImportedSecrets(staging, out, result.secrets);
        await cp(staging, out, { recursive: true, force: false, errorOnExist: true });
        const c = result.collection;
        return {
          format: result.format, root: out, requests: countRequests(c.items), environments: c.environments.length,
          keys: c.keys?.length ?? 0, gateways: c.gateways?.length ?? 0, files: written.length, warnings: [...(kept.warning ? [kept.warning] : []), ...result.warnings],
        };
      } finally {
        if (input) await rm(input.temp, { recursive: true, force: true });
        await rm(staging, { recursive: true, force: true });
      }
    },
  };
}
