// The demo's sample workspace: one folder per lesson, each with a request that is wrong in the way
// its route refuses, an environment `demo` pointing at the running demo server, and the key profiles
// (their values stored in the local store, so sends work in the app and the CLI without a keychain).
import { mkdir, readdir, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  EnvironmentFileSchema, FOLDER_FILE, FolderFileSchema, FORMAT_VERSION, RequestFileSchema, WORKSPACE_FILE, WorkspaceFileSchema,
  type KeyProfileInput, type RequestFile,
} from '../../shared/model';
import { localStore, slotAccount, type SecretStore } from '../secrets';
import { encode, writeFileAtomic } from '../workspace';
import { workspaceError } from '../workspace/errors';
import { ifMissing } from '../workspace/if-missing';
import { ENV_DIR, KEYS_DIR } from '../workspace/layout';
import { readTyped } from '../workspace/read-file';
import { encodeProfile } from '../workspace/profiles';
import { newWorkspaceId } from '../workspace/init';
import { slugify } from '../workspace/slug';
import { appHome } from '../workspace/history/app-home';
import { signDemoJwt } from './jwt';
import { DEMO_API_KEY, REPORTS_SCOPE } from './routes';

export const DEMO_NAME = 'Clearance demo';
export const DEMO_ENV = 'demo';

/** `<data folder>/demo/workspace`: shared by `clearance demo` and the app's Try the demo. */
export function defaultDemoDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(appHome(env), 'demo', 'workspace');
}

interface Lesson { folder: string; title: string; request: RequestFile }

const docs = (...lines: string[]) => lines.join('\n');

/** In tree order; the first is the one the app opens. */
export const LESSONS: Lesson[] = [
  { folder: 'key-in-the-query', title: 'A key in the wrong place', request: {
    name: 'List orders', method: 'GET', url: '{{base}}/v1/orders', key: 'demo-key-query',
    docs: docs('AWS API Gateway-style route: it reads the API key from the x-api-key header only.',
      'This request sends it as ?api_key= (key profile demo-key-query), so the gateway answers 403 {"message":"Forbidden"}.',
      'Fix: send the key in the X-API-Key header (key profile demo-key).'),
  } },
  { folder: 'gateway-header-name', title: "A gateway's header name", request: {
    name: 'List products', method: 'GET', url: '{{base}}/gw/products', key: 'demo-key',
    docs: docs("Kong-style route with key-auth at its defaults: it reads the key from the apikey header (or ?apikey=).",
      'This request sends X-API-Key, so Kong answers 401 "No API key found in request".',
      'Fix: send the same key in an apikey header.'),
  } },
  { folder: 'missing-scope', title: 'A missing scope', request: {
    name: 'Quarterly reports', method: 'GET', url: '{{base}}/v1/admin/reports', key: 'demo-token',
    docs: docs(`The token of key profile demo-token carries orders:read only; this route needs ${REPORTS_SCOPE}.`,
      `The server answers 403 with WWW-Authenticate: Bearer error="insufficient_scope", scope="${REPORTS_SCOPE}".`,
      'Nothing in the request can fix that; a credential that has the scope can: key profile reports-reader.'),
  } },
  { folder: 'ip-allow-list', title: 'An IP allow-list', request: {
    name: 'Internal metrics', method: 'GET', url: '{{base}}/internal/metrics',
    docs: docs('nginx allows only the monitoring network (10.20.0.0/16) here and refuses every other address.',
      'No change to the request can succeed: ask the platform team to add your address, or call from that network.'),
  } },
  { folder: 'rate-limit', title: 'A rate limit', request: {
    name: 'Search orders', method: 'GET', url: '{{base}}/v1/search', params: [{ name: 'q', value: 'open', enabled: true }],
    docs: docs('The first call of each 30-second window is refused with 403, Retry-After: 1 and X-RateLimit-Remaining: 0.',
      'Fix: wait the second Retry-After announces, then send again.'),
  } },
  { folder: 'bot-rule', title: 'A bot rule on the User-Agent', request: {
    name: 'View cart', method: 'GET', url: '{{base}}/shop/cart',
    docs: docs("A WAF rule in front of the shop (a Cloudflare-style block page) lets browsers through and blocks other clients by User-Agent.",
      "This request sends Clearance's default User-Agent (clearance/…), so it is blocked.",
      'Fix: send a browser-like User-Agent, e.g. Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36.'),
  } },
];

const HOSTS = ['127.0.0.1'];
const keyRef = { secret: true as const, env: 'CLEARANCE_DEMO_KEY' };

/** The key profiles and the value each one's secret field holds. */
function profiles(): Array<{ profile: KeyProfileInput; field: string; value: string }> {
  const owner = 'Clearance demo';
  return [
    { field: 'key', value: DEMO_API_KEY, profile: { name: 'demo-key', kind: 'api-key', in: 'header', param: 'X-API-Key', owner, hosts: HOSTS,
      description: 'The demo API key, in an X-API-Key header', key: keyRef } },
    { field: 'key', value: DEMO_API_KEY, profile: { name: 'demo-key-query', kind: 'api-key', in: 'query', param: 'api_key', owner, hosts: HOSTS,
      description: 'The same key as a query parameter, as some docs show it', key: keyRef } },
    { field: 'token', value: signDemoJwt({ sub: 'demo-user', scope: 'orders:read', iss: 'clearance-demo', iat: 1767225600 }), profile: {
      name: 'demo-token', kind: 'bearer', owner, hosts: HOSTS, scopes: ['orders:read'], description: 'A JWT with the orders:read scope',
      token: { secret: true, env: 'CLEARANCE_DEMO_TOKEN' } } },
    { field: 'token', value: signDemoJwt({ sub: 'reports-bot', scope: `orders:read ${REPORTS_SCOPE}`, iss: 'clearance-demo', iat: 1767225600 }), profile: {
      name: 'reports-reader', kind: 'bearer', owner, hosts: HOSTS, scopes: [REPORTS_SCOPE], description: `A JWT with the ${REPORTS_SCOPE} scope`,
      token: { secret: true, env: 'CLEARANCE_DEMO_REPORTS_TOKEN' } } },
  ];
}

export interface DemoWorkspace {
  root: string;
  env: string;
  /** workspace-relative request paths, in tree order */
  requests: string[];
}

/** The workspace id to keep: the demo's own, or a new one for an empty or missing folder; anything else is refused. */
async function demoId(root: string): Promise<string> {
  const file = await readTyped(WorkspaceFileSchema, join(root, WORKSPACE_FILE), WORKSPACE_FILE);
  if (file.ok && file.value.name === DEMO_NAME) return file.value.id;
  const entries = await readdir(root).catch(ifMissing([] as string[]));
  if (entries.length === 0) return newWorkspaceId();
  throw workspaceError('exists', `${root} is not empty and is not a ${DEMO_NAME} workspace`, 'Pick a new or empty folder with --dir.');
}

/**
 * Writes (or rewrites: fixed file names, the same id) the demo workspace in `dir` with `base` set
 * to the demo server's URL, and stores the key profiles' values in the local store under its id.
 */
export async function writeDemoWorkspace(dir: string, baseUrl: string, stores: { localStore?: SecretStore } = {}): Promise<DemoWorkspace> {
  const root = resolve(dir);
  const id = await demoId(root);
  await mkdir(root, { recursive: true });
  // clearance.yaml first: a second call meanwhile sees a demo workspace, not a foreign folder.
  await writeFileAtomic(join(root, WORKSPACE_FILE), encode(WorkspaceFileSchema, {
    clearance: FORMAT_VERSION, name: DEMO_NAME, id, order: LESSONS.map((l) => l.folder),
  }));
  for (const { folder, title, request } of LESSONS) {
    await mkdir(join(root, folder), { recursive: true });
    await writeFileAtomic(join(root, folder, FOLDER_FILE), encode(FolderFileSchema, { name: title }));
    await writeFileAtomic(join(root, folder, `${slugify(request.name)}.yaml`), encode(RequestFileSchema, request));
  }
  await mkdir(join(root, ENV_DIR), { recursive: true });
  await writeFileAtomic(join(root, ENV_DIR, `${DEMO_ENV}.yaml`), encode(EnvironmentFileSchema, { name: DEMO_ENV, variables: { base: baseUrl } }));
  await mkdir(join(root, KEYS_DIR), { recursive: true });
  const store = stores.localStore ?? localStore();
  for (const p of profiles()) {
    await writeFileAtomic(join(root, KEYS_DIR, `${p.profile.name}.yaml`), encodeProfile('key', p.profile));
    await store.set(slotAccount(id, { kind: 'key', profile: p.profile.name, field: p.field }), p.value);
  }
  return { root: await realpath(root), env: DEMO_ENV, requests: LESSONS.map((l) => `${l.folder}/${slugify(l.request.name)}.yaml`) };
}
