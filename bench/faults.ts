// Issue 14's faults against real local servers, each met by the built CLI as a user would:
// `clearance send --curl ...` in its own process under /usr/bin/time, with the defaults (no test
// timeouts). Prints one Markdown row per fault: what the user sees, exit status, wall time, max RSS.
//   npx electron-vite build && npx tsx bench/faults.ts          # ONLY=<substring> runs some faults
import { sendMeasured, type MeasuredRun } from '../test/support/cli-measured';
import { FAULT_CASES, type FaultCase } from '../test/support/fault-cases';
import { startFaultServers, type FaultServers } from '../test/support/fault-servers';

/** The line the user reads: the error line (code and message) or, on success, the status and body size. */
function seen(c: FaultCase, o: MeasuredRun): string {
  const first = o.stderr.split('\n').find((l) => l.trim()) ?? '';
  const text = c.code === null ? `${first.trim()}; stdout: ${o.stdout.trim()}` : first.trim();
  return text.length > 170 ? `${text.slice(0, 167)}…` : text;
}

async function main(): Promise<void> {
  const only = process.env.ONLY;
  const servers: FaultServers = await startFaultServers();
  try {
    console.log('| fault | what the user sees | exit | wall | max RSS |');
    console.log('|---|---|---|---|---|');
    for (const c of FAULT_CASES.filter((x) => !only || x.name.includes(only))) {
      const o = await sendMeasured(c.curl(servers));
      const ok = c.code === null ? o.code === 0 && c.message.test(o.stdout) : o.stderr.includes(`[${c.code}]`) && c.message.test(o.stderr);
      console.log(`| ${c.name} | \`${seen(c, o).replace(/\|/g, '\\|')}\` | ${o.code} | ${o.wallS.toFixed(1)} s | ${o.maxRssMb.toFixed(0)} MB |${ok ? '' : ' UNEXPECTED'}`);
      if (!ok) console.error(o.stderr);
    }
  } finally {
    await servers.close();
  }
}

void main();
