// One workspace request (saved, or a tab's unsaved edits) exported as the app's "Copy as cURL"
// needs it: with its folders' and the collection's defaults, its environment, the key and gateway
// in effect — the same preparation `clearance export` and a send use, secrets as {{name}}.
import type { Collection } from '../../shared/model/collection';
import type { RequestFile } from '../../shared/model/workspace';
import { effectiveName } from '../pipeline/profile-through';
import { loadGlobals } from '../pipeline/layers';
import { loadRequestContext } from '../workspace/context';
import { findProfile } from '../workspace/profiles';
import { exportCurl, type ExportText } from './curl';
import { exportSnippet } from './snippet';

export interface ExportFileArgs {
  dir: string;
  path: string;
  env?: string | undefined;
  draft?: RequestFile | undefined;
  key?: string | undefined;
  gateway?: string | undefined;
  /** `curl` or `snippet:<target>` */
  format: string;
}

export async function exportWorkspaceRequest(a: ExportFileArgs): Promise<ExportText> {
  const ctx = await loadRequestContext(a.dir, a.path, a.env, a.draft);
  const inherited = (k: 'key' | 'gateway') => ctx.request[k] ?? ctx.folders.find((f) => f[k])?.[k] ?? ctx.workspace.defaults?.[k];
  const key = effectiveName(a.key, inherited('key'));
  const gateway = effectiveName(a.gateway, inherited('gateway'));
  const collection: Collection = {
    name: ctx.workspace.name, items: [], environments: ctx.environment ? [ctx.environment] : [],
    ...(ctx.workspace.defaults ? { defaults: ctx.workspace.defaults } : {}),
    keys: key && key !== 'none' ? [(await findProfile(ctx.root, 'key', key)).profile] : [],
    gateways: gateway && gateway !== 'none' && gateway !== 'direct' ? [(await findProfile(ctx.root, 'gateway', gateway)).profile] : [],
  };
  const opts = { env: a.env, globals: await loadGlobals(), key, gateway, entries: [{ path: [], request: ctx.request, folders: ctx.folders }] };
  if (a.format === 'curl') return exportCurl(collection, opts);
  if (a.format.startsWith('snippet:')) return exportSnippet(collection, a.format.slice('snippet:'.length), opts);
  throw new Error(`unknown export format ${a.format}`);
}
