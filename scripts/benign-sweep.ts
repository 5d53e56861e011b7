// A false-alarm sweep outside the fixtures (issue 11: "the benign false-alarm rate at 0"): text files
// that are not refusals (package READMEs, manifests, HTML docs, changelogs from node_modules) explained
// as the bodies of ordinary 200/400/404/500 answers. Any one marked blocked is printed: a word rule
// read prose or data as a refusal. Run: npx tsx scripts/benign-sweep.ts [LIMIT]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { explain } from '../shared/explain';

const LIMIT = Number(process.argv[2] ?? 2500);
const TYPES: Record<string, string> = { '.json': 'application/json', '.html': 'text/html', '.md': 'text/plain', '.txt': 'text/plain' };
const STATUSES = [200, 400, 404, 500];
const MAX_BYTES = 64 * 1024;

/** Files by breadth over packages (one per kind per package first) so the sample is varied, bounded by LIMIT. */
function collect(root: string): string[] {
  const out: string[] = [];
  const queue = [root];
  for (let seen = 0; queue.length && out.length < LIMIT && seen < 200_000; seen++) {
    const dir = queue.shift()!;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // a dangling link or unreadable folder is simply not part of the sample
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) queue.push(p);
      else if (TYPES[extname(name)] && st.size > 40 && st.size < MAX_BYTES && out.length < LIMIT) out.push(p);
    }
  }
  return out;
}

const files = collect('node_modules');
let alarms = 0;
for (const file of files) {
  const body = readFileSync(file, 'utf8');
  const type = TYPES[extname(file)]!;
  for (const status of STATUSES) {
    const got = explain({ status, headers: { 'content-type': type }, body });
    if (!got.blocked) continue;
    alarms++;
    console.log(`BLOCKED ${status} ${file}: ${got.cause} (${got.reason.id}) ${got.evidence.filter((e) => e.where !== 'status').map((e) => e.text).join(' | ').slice(0, 160)}`);
  }
}
console.log(`benign sweep: ${files.length} files × ${STATUSES.length} statuses = ${files.length * STATUSES.length} responses, ${alarms} marked blocked`);
process.exitCode = alarms ? 1 : 0;
