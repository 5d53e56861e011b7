// The fix as edits of the user's request, for Apply in the app: the confirmed probe's request
// compared with the request as probed (method, path, query rows, headers, key, gateway, proxy).
// A value that reappears elsewhere (a credential moved from the query to a header) is an edit with
// `from`, so Apply moves the row's own text ({{apiKey}} stays a variable; no secret is written).
import type { FixEdit } from '../../shared/contract/diagnosis';
import type { HeaderOrigin, KeyValue, WireHeader } from '../../shared/model';
import type { PreparedRequest } from '../pipeline/prepared';

type Owner = FixEdit['owner'];
interface Removed { in: 'header' | 'query'; name: string; value: string; owner: Owner }

const OWNER: Record<HeaderOrigin, Owner> = {
  user: 'request', default: 'engine', computed: 'engine', auth: 'key', gateway: 'gateway', folder: 'folder', collection: 'folder', environment: 'folder',
};
const lower = (s: string): string => s.toLowerCase();

function paramOwner(p: PreparedRequest, name: string): Owner {
  return (p.key?.queryParams ?? []).includes(name) ? 'key' : 'request';
}

/** The removed row whose value this new value carries (after a prefix such as `Bearer `). */
function movedFrom(value: string, removed: Removed[]): { row: Removed; prefix: string } | null {
  for (const row of removed) {
    if (row.value.length >= 4 && value.endsWith(row.value)) return { row, prefix: value.slice(0, value.length - row.value.length) };
  }
  return null;
}

function headerEdits(base: WireHeader[], fixed: WireHeader[]): { sets: Array<{ h: WireHeader; was?: WireHeader }>; removed: Removed[] } {
  const byName = (list: WireHeader[]) => new Map(list.map((h) => [lower(h.name), h]));
  const was = byName(base);
  const now = byName(fixed);
  const sets = [...now.values()].filter((h) => was.get(lower(h.name))?.value !== h.value).map((h) => ({ h, was: was.get(lower(h.name)) }));
  const removed = [...was.values()].filter((h) => !now.has(lower(h.name))).map((h): Removed => ({ in: 'header', name: h.name, value: h.value, owner: OWNER[h.origin] }));
  return { sets, removed };
}

/** Query rows wherever they are: written into the URL (a pasted curl) or as rows. */
function queryOf(p: PreparedRequest): Array<Pick<KeyValue, 'name' | 'value'>> {
  return [...[...new URL(p.url).searchParams].map(([name, value]) => ({ name, value })), ...p.params];
}

function paramEdits(base: PreparedRequest, fixed: PreparedRequest): { sets: Array<Pick<KeyValue, 'name' | 'value'>>; removed: Removed[] } {
  const [q0, q1] = [queryOf(base), queryOf(fixed)];
  const was = new Map(q0.map((q) => [q.name, q.value]));
  const now = new Map(q1.map((q) => [q.name, q.value]));
  const sets = q1.filter((q) => was.get(q.name) !== q.value);
  const removed = q0.filter((q) => !now.has(q.name)).map((q): Removed => ({ in: 'query', name: q.name, value: q.value, owner: paramOwner(base, q.name) }));
  return { sets, removed };
}

/** What the fix changed in `base` (the request as probed) to get `fixed` (the confirmed probe). */
export function fixEdits(base: PreparedRequest, fixed: PreparedRequest): FixEdit[] {
  const out: FixEdit[] = [];
  if (fixed.method !== base.method) out.push({ op: 'set', in: 'method', name: 'method', value: fixed.method, owner: 'request' });
  // Another key or gateway profile changes rows and URL as a whole: the profile edit says it all.
  if (base.key?.name !== fixed.key?.name && fixed.key) out.push({ op: 'set', in: 'key', name: 'key', value: fixed.key.name, owner: 'request' });
  if (base.gateway?.name !== fixed.gateway?.name) out.push({ op: 'set', in: 'gateway', name: 'gateway', value: fixed.gateway?.name ?? 'direct', owner: 'request' });
  if (out.some((e) => e.in === 'key' || e.in === 'gateway')) return out;
  if (base.options.proxy && !fixed.options.proxy) out.push({ op: 'remove', in: 'proxy', name: 'proxy', owner: 'request' });
  const [path0, path1] = [new URL(base.url).pathname, new URL(fixed.url).pathname];
  if (path0 !== path1) out.push({ op: 'set', in: 'path', name: path0, value: path1, owner: base.gateway ? 'gateway' : 'request' });
  const h = headerEdits(base.headers, fixed.headers);
  const q = paramEdits(base, fixed);
  const removed = [...h.removed, ...q.removed];
  const used = new Set<Removed>();
  const set = (where: 'header' | 'query', name: string, value: string, ownerIfNew: Owner): void => {
    const moved = movedFrom(value, removed.filter((r) => !used.has(r)));
    if (moved) {
      used.add(moved.row);
      // A credential that came from a profile is the profile's to move: Apply would otherwise write the secret into the request.
      const owner: Owner = moved.row.owner === 'request' ? ownerIfNew : moved.row.owner;
      out.push({ op: 'set', in: where, name, from: { in: moved.row.in, name: moved.row.name, prefix: moved.prefix }, owner });
    } else {
      out.push({ op: 'set', in: where, name, value, owner: ownerIfNew });
    }
  };
  for (const { h: hdr, was } of h.sets) set('header', hdr.name, hdr.value, was && was.origin !== 'user' && was.origin !== 'default' ? OWNER[was.origin] : OWNER[hdr.origin]);
  for (const p of q.sets) set('query', p.name, p.value, paramOwner(base, p.name) === 'key' ? 'key' : 'request');
  for (const r of removed) out.push({ op: 'remove', in: r.in, name: r.name, owner: r.owner });
  return out;
}
