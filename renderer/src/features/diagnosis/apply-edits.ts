// The fix's edits (diagnosis.run's fix.edits) applied to a tab's draft. Pure: unit-tested. Only the
// request's own rows are edited; an edit of a row a profile, a folder or the engine owns is handed
// back as a sentence for the user, as is one whose source row the draft no longer has.
import type { FixEdit } from '../../../../shared/contract';
import { withQuery, type QueryRow } from '../../lib/url-query';

/** A params or headers row as the editor keeps it (the ui's KvRow has this shape). */
type KvRow = QueryRow;

/** What Apply edits: the draft's method, URL (its query in sync with params), params and headers. */
export interface DraftRows {
  method: string;
  url: string;
  params: KvRow[];
  headers: KvRow[];
}

export interface ApplyOutcome {
  rows: DraftRows;
  /** the top bar's key / gateway choice for this tab */
  profiles: { key?: string; gateway?: string };
  /** what was applied, one line each */
  applied: string[];
  /** what the user has to change elsewhere (a key profile, a folder's defaults…) */
  manual: string[];
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const OWNER_PLACE: Record<FixEdit['owner'], string> = {
  request: 'In the request', key: 'In the key profile', gateway: 'In the gateway profile', folder: "In the folder's or collection's defaults", engine: "The engine's default",
};

function where(e: Pick<FixEdit, 'in' | 'name'>): string {
  return e.in === 'query' ? `query parameter ${e.name}` : `header ${e.name}`;
}

/** One line for the edit, as the panel lists it. */
export function describeEdit(e: FixEdit): string {
  switch (e.in) {
    case 'method': return `Method ${e.value}`;
    case 'path': return `Path ${e.value} instead of ${e.name}`;
    case 'key': return `Key profile "${e.value}"`;
    case 'gateway': return e.value === 'direct' ? 'Direct, without a gateway profile' : `Gateway profile "${e.value}"`;
    case 'proxy': return 'Without the forward proxy';
    default:
      if (e.op === 'remove') return `Remove ${where(e)}`;
      if (e.from) return `Set ${where(e)} to ${e.from.prefix ? `"${e.from.prefix.trim()} " + ` : ''}the value of ${where(e.from)}`;
      return `Set ${where(e)} to ${e.value ?? ''}`;
  }
}

function setRow(rows: KvRow[], name: string, value: string, caseless: boolean): KvRow[] {
  const match = (r: KvRow) => r.enabled && (caseless ? sameName(r.name, name) : r.name === name);
  const at = rows.findIndex(match);
  if (at < 0) return [...rows, { name, value, enabled: true }];
  // The first row of that name takes the value; later duplicates would send a second one.
  return rows.map((r, i) => (i === at ? { ...r, value } : r)).filter((r, i) => i === at || !match(r));
}

function removeRows(rows: KvRow[], name: string, caseless: boolean): KvRow[] {
  return rows.filter((r) => !(r.enabled && (caseless ? sameName(r.name, name) : r.name === name)));
}

/** The draft URL with its path's tail `from` replaced by `to` (a trailing slash added or dropped). */
function withPathTail(url: string, from: string, to: string): string | null {
  const cut = url.search(/[?#]/);
  const base = cut >= 0 ? url.slice(0, cut) : url;
  const rest = cut >= 0 ? url.slice(cut) : '';
  if (from === '/' && /^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(base)) return `${base}${to}${rest}`;
  return base.endsWith(from) ? `${base.slice(0, base.length - from.length)}${to}${rest}` : null;
}

export function applyEdits(draft: DraftRows, edits: readonly FixEdit[]): ApplyOutcome {
  // The moved value is read before any row is removed: the edits list the removal after the set.
  const source = (from: NonNullable<FixEdit['from']>): string | null => {
    const rows = from.in === 'query' ? draft.params : draft.headers;
    const row = rows.find((r) => r.enabled && r.name === from.name) ?? rows.find((r) => r.enabled && sameName(r.name, from.name));
    return row ? row.value : null;
  };
  let { method, url, params, headers } = draft;
  const profiles: ApplyOutcome['profiles'] = {};
  const applied: string[] = [];
  const manual: string[] = [];
  for (const e of edits) {
    const line = describeEdit(e);
    if (e.owner !== 'request') {
      manual.push(`${OWNER_PLACE[e.owner]}: ${line[0]!.toLowerCase()}${line.slice(1)}`);
      continue;
    }
    if (e.in === 'header' || e.in === 'query') {
      const value = e.op === 'set' ? (e.from ? (() => { const v = source(e.from!); return v === null ? null : `${e.from!.prefix}${v}`; })() : e.value ?? '') : null;
      if (e.op === 'set' && value === null) {
        manual.push(`${line} (the request no longer has ${where(e.from!)})`);
        continue;
      }
      if (e.in === 'header') headers = e.op === 'set' ? setRow(headers, e.name, value!, true) : removeRows(headers, e.name, true);
      else params = e.op === 'set' ? setRow(params, e.name, value!, false) : removeRows(params, e.name, false);
    } else if (e.in === 'method' && e.value) {
      method = e.value;
    } else if (e.in === 'path' && e.value !== undefined) {
      const next = withPathTail(url, e.name, e.value);
      if (next === null) {
        manual.push(`${line} (the URL does not end with ${e.name})`);
        continue;
      }
      url = next;
    } else if (e.in === 'key' && e.value) {
      profiles.key = e.value;
    } else if (e.in === 'gateway' && e.value) {
      profiles.gateway = e.value;
    } else {
      manual.push(line);
      continue;
    }
    applied.push(line);
  }
  if (params !== draft.params) url = withQuery(url, params);
  return { rows: { method, url, params, headers }, profiles, applied, manual };
}
