// The checklist items a user ticked by hand, per request, kept across restarts in the app's data
// folder (`<data folder>/diagnosis/checks.json`) and never in the request file, so a tick is no git
// diff. A workspace request is keyed by the workspace's stable id and the file's path; a scratch
// request by method and URL without its query (which may carry a key) or credentials.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CheckTarget } from '../../shared/contract/diagnosis';
import { ContractError } from '../../shared/contract/result';
import { writeFileAtomic } from '../workspace/atomic-write';
import { appHome } from '../workspace/history/app-home';
import { readJsonFile } from '../workspace/json-file';

interface ChecksFile {
  clearanceChecks: 1;
  /** request key → ids of the items ticked */
  requests: Record<string, string[]>;
}

export interface ChecksStore {
  readonly path: string;
  get(target: CheckTarget): Promise<string[]>;
  set(target: CheckTarget, id: string, done: boolean): Promise<string[]>;
}

export function checksPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appHome(env), 'diagnosis', 'checks.json');
}

/** `https://api.example.com/v1/orders` for `https://user:pw@api.example.com/v1/orders?api_key=…#x`. */
function bareUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    // Not a URL yet ({{base}}/orders): the text before any query is the key.
    return url.replace(/[?#].*$/, '').replace(/^(\w+:\/\/)[^@/]*@/, '$1');
  }
}

export function checkKey(t: CheckTarget): string {
  return t.kind === 'file' ? `ws:${t.workspace}:${t.path}` : `url:${t.method.toUpperCase()} ${bareUrl(t.url)}`;
}

function unreadable(path: string, what: string): ContractError {
  return new ContractError({
    code: 'checks-unreadable', message: `checklist ticks ${path}: ${what}`,
    remedy: 'Fix the file (it is JSON) or move it away; Clearance does not overwrite a file it cannot read.',
  });
}

async function readChecks(path: string): Promise<ChecksFile> {
  const doc = await readJsonFile(path, (what) => unreadable(path, what));
  if (doc === undefined) return { clearanceChecks: 1, requests: {} };
  const requests = (doc as Partial<ChecksFile> | null)?.requests;
  if (!requests || typeof requests !== 'object' || Array.isArray(requests)) throw unreadable(path, 'has no "requests" object');
  return { clearanceChecks: 1, requests: requests as Record<string, string[]> };
}

export function createChecksStore(path: string = checksPath()): ChecksStore {
  // Writes go one after another: two quick ticks must not each start from the same old file.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    path,
    async get(target) {
      await queue;
      const ids = (await readChecks(path)).requests[checkKey(target)];
      return Array.isArray(ids) ? ids.filter((x) => typeof x === 'string') : [];
    },
    set(target, id, done) {
      const next = queue.then(async () => {
        const doc = await readChecks(path);
        const key = checkKey(target);
        const ids = new Set(doc.requests[key] ?? []);
        if (done) ids.add(id);
        else ids.delete(id);
        if (ids.size) doc.requests[key] = [...ids].sort();
        else delete doc.requests[key];
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
        return doc.requests[key] ?? [];
      });
      // The chain goes on after a failed write; the failure reaches this caller.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
