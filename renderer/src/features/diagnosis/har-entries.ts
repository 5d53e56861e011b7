// A HAR file read in the browser (no Node): its entries for the request being compared, so the user
// can pick one when the capture holds several for the same path. The backend parses the HAR again
// and owns the comparison; this only lists what there is to choose from.

export interface HarChoice {
  /** 1 = the HAR's first entry (the contract's `entry`) */
  entry: number;
  method: string;
  url: string;
  status: number | null;
}

export type HarRead =
  | { ok: true; total: number; samePath: HarChoice[] }
  | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The HAR's entries with the same origin and path as `near` (the user's request URL), in file order. */
export function harEntries(text: string, near: string): HarRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not a HAR file: ${(err as Error).message}` };
  }
  const entries = isObj(doc) && isObj(doc.log) && Array.isArray(doc.log.entries) ? doc.log.entries : null;
  if (!entries) return { ok: false, error: 'Not a HAR file: it has no log.entries.' };
  if (entries.length === 0) return { ok: false, error: 'The HAR has no entries.' };
  const target = URL.canParse(near) ? new URL(near) : null;
  const samePath: HarChoice[] = [];
  entries.forEach((e: unknown, i) => {
    const req = isObj(e) && isObj(e.request) ? e.request : null;
    const raw = req && typeof req.url === 'string' ? req.url : '';
    if (!URL.canParse(raw)) return;
    const u = new URL(raw);
    if (target && (u.origin !== target.origin || u.pathname !== target.pathname)) return;
    const res = isObj(e) && isObj(e.response) ? e.response : null;
    samePath.push({
      entry: i + 1, method: typeof req?.method === 'string' ? req.method.toUpperCase() : 'GET', url: raw,
      status: res && typeof res.status === 'number' ? res.status : null,
    });
  });
  return { ok: true, total: entries.length, samePath };
}
