// The `clearance` command. Only commander loads up front; each command's module (engine, undici,
// zod schemas) is imported when that command runs, so `--help` and a single send start fast.
import { Command, CommanderError, Option } from 'commander';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './exit-codes';
import { packageVersion } from './paths';
import { escapeControls } from './output/safe-text';

function program(setCode: (code: number) => void): Command {
  const cmd = new Command('clearance')
    .description('An API client built around 403 Forbidden: send requests, see which layer refused them and why.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  cmd.command('send')
    .description('Send one request: from a curl command or a request file')
    .argument('[request-file]', 'a request file (YAML or JSON)')
    .option('--curl <command>', "a curl command line, e.g. --curl 'curl -H \"x-api-key: k\" https://api.example.com/'")
    .option('--json', 'print the response record as JSON on stdout')
    .option('-i, --include', 'show the response headers')
    .option('-v, --verbose', 'show the request as sent on the wire, with where each header came from, and timings')
    .option('-o, --output <file>', 'write the response body to a file')
    .option('--fail', 'exit 1 when the status is 400 or more')
    .option('--show-secrets', 'print credential values in the -v wire view and --json (masked by default)')
    .option('--workspace <dir>', 'the workspace the request file belongs to (default: the nearest folder above it with clearance.yaml)')
    .option('--env <name>', 'the environment whose variables fill {{name}} placeholders')
    .option('--key <profile>', "a key profile of the workspace (keys/<profile>.yaml) instead of the request's; 'none' sends no key")
    .option('--gateway <profile>', "a gateway profile of the workspace (gateways/<profile>.yaml) instead of the request's; 'direct' goes straight to the URL")
    .addHelpText('after', '\nWith --curl, --workspace DIR names the workspace whose --key/--gateway profiles are used.\nThe status line and headers go to stderr, the body to stdout, so `clearance send ... > body.json` saves the body.\nExit codes: 0 a response arrived, 1 the request could not be sent (or --fail and status >= 400), 2 bad input.')
    .action(async (file: string | undefined, flags) => setCode(await (await import('./commands/send')).runSend(file, flags)));

  cmd.command('diagnose')
    .description('Find what turns a refusal into a success: re-send safe variants of the request, then the fix (a curl that runs) or whom to ask')
    .argument('[request-file]', 'a request file (YAML or JSON)')
    .option('--curl <command>', 'a curl command line')
    .option('--workspace <dir>', 'the workspace whose profiles, environments and other keys the probes may use')
    .option('--env <name>', 'the environment whose variables fill {{name}} placeholders')
    .option('--key <profile>', "a key profile instead of the request's; 'none' sends no key")
    .option('--gateway <profile>', "a gateway profile instead of the request's; 'direct' goes straight to the URL")
    .option('--allow-unsafe', 'also re-send the request\'s own unsafe method (POST, PUT, PATCH, DELETE); without it probes use GET, HEAD and OPTIONS only')
    .option('--max-probes <n>', 'at most this many probes (default 40)')
    .option('--compare <curl>', 'a curl command of a request that works (a browser\'s "Copy as cURL"): diff it, then bisect the differences to the smallest set that succeeds')
    .option('--compare-har <file>', 'a HAR file holding a request that works, compared the same way')
    .option('--entry <n>', 'the HAR entry to compare with (1 = the first; default: a 2xx entry for the same URL path)')
    .option('--report <file>', 'write a report for whoever runs the gateway, secrets redacted: FILE.md (Markdown) or FILE.html (one self-contained file)')
    .option('--json', 'print the diagnosis as JSON (baseline, explanation, cause, candidates, probes, fix, checklist; compare with --compare)')
    .addHelpText('after', '\nThe comparison sends at most 20 requests, only to the origin of your request (a working request to another origin is compared, never sent).\nExit codes: 0 a fix was found (or the request is not refused), 1 no client-side change succeeded (or it could not be sent), 2 bad input.')
    .action(async (file: string | undefined, flags) => setCode(await (await import('./commands/diagnose')).runDiagnose(file, flags)));

  cmd.command('run')
    .description('Run a collection: every request in order, expect: checks and refusals explained, paced by the servers, exit 1 on any failure')
    .argument('<target>', 'a workspace folder, a request folder or file in one, a Postman v2.1 collection, an Insomnia export or a Bruno collection folder')
    .option('--env <name>', 'the environment whose variables fill {{name}} placeholders (for Postman: also an environment .json file)')
    .option('--key <profile>', "a key profile for every request instead of each request's; 'none' sends no key")
    .option('--gateway <profile>', "a gateway profile for every request instead of each request's; 'direct' goes straight to the URL")
    .option('--iteration-data <file>', 'a CSV file (header row) or a JSON array of objects: one iteration per row, its values as variables')
    .option('--iterations <n>', 'run the collection N times (default: the rows of --iteration-data, else 1)')
    .option('--delay <ms>', 'wait this long between requests')
    .option('--timeout <ms>', 'give each request at most this long (headers and body), then fail it')
    .option('--insecure', 'do not verify TLS certificates (every request of the run)')
    .option('--parallel <n>', 'N requests of an iteration in flight at once (default 1: one after the other); results stay in request order')
    .option('--max-wait <ms>', "the longest wait a server's Retry-After or rate-limit headers may impose before the next request to it (default 60000; 0: never wait)")
    .option('--reporter <list>', 'cli, json (run.json), junit (junit.xml), html (report.html), comma-separated', 'cli')
    .option('--out <dir>', 'where run.json, junit.xml and report.html are written (default: the current folder)')
    .option('--bail', 'stop at the first failure')
    .option('--workspace <dir>', 'the workspace whose key/gateway profiles an imported collection may use')
    .option('--no-history', 'record nothing in the history (by default the first 20 failures of a run are recorded)')
    .addHelpText('after', '\nA request fails when a check of its expect: block fails (status, headers, body, json, maxTimeMs); without expect.status, also when it is refused (a 403 or another refusal the explainer recognises) or cannot be sent.\nExit codes: 0 every request passed, 1 a request failed, 2 bad input (unknown target, environment or profile, a bad flag value, an unreadable data file).')
    .action(async (target: string, flags) => setCode(await (await import('./commands/run')).runRun(target, flags)));

  cmd.command('matrix')
    .description('The access matrix: every request × every key × gateway profile, a heat map of statuses with each refusal explained, checked against access.yaml')
    .argument('<target>', 'a workspace folder, a request folder or file in one, or a Postman/Insomnia/Bruno export (as for run)')
    .option('--keys <list>', "key profiles, comma-separated (default: every key profile of the workspace, then 'none')")
    .option('--gateways <list>', "gateway profiles, comma-separated (default: every gateway profile of the workspace, then 'direct')")
    .option('--env <name>', 'the environment whose variables fill {{name}} placeholders')
    .option('--expect <file>', 'the expected access file (default: access.yaml at the workspace root, when it exists)')
    .option('--update', 'write the observed matrix as the new expectation (words that still hold and comments are kept)')
    .option('--allow-unsafe', 'also send POST, PUT, PATCH, DELETE... (default: GET, HEAD and OPTIONS only; the others are skipped)')
    .option('--json', 'print {matrix, comparison} as JSON')
    .option('--html <file>', 'write the heat map as one self-contained HTML file')
    .option('--workspace <dir>', 'the workspace whose key/gateway profiles an imported collection may use')
    .addHelpText('after', '\nExit codes: 0 every cell as expected (or no expectation file), 1 a cell differs from the expectation (or Ctrl+C stopped it), 2 bad input.')
    .action(async (target: string, flags) => setCode(await (await import('./commands/matrix')).runMatrixCommand(target, flags)));

  cmd.command('watch')
    .description('Re-run a collection (or its access matrix) on a schedule and print only what changed; run a command on change')
    .argument('<target>', 'a workspace folder, a request folder or file in one, or a Postman/Insomnia/Bruno export (as for run)')
    .option('--every <duration>', 'time between rounds: 30s, 5m, 1h (at least 1s)', '5m')
    .option('--matrix', 'watch the access matrix (every key × gateway) instead of the collection run')
    .option('--notify <command>', 'run this shell command on change: the changes as JSON on stdin, CLEARANCE_CHANGES and CLEARANCE_SUMMARY in its environment')
    .option('--rounds <n>', 'stop after this many rounds (default: until Ctrl+C)')
    .option('--env <name>', 'the environment whose variables fill {{name}} placeholders')
    .option('--key <profile>', "collection mode: a key profile for every request; 'none' sends no key")
    .option('--gateway <profile>', "collection mode: a gateway profile for every request; 'direct' goes straight to the URL")
    .option('--keys <list>', 'matrix mode: key profiles, comma-separated')
    .option('--gateways <list>', 'matrix mode: gateway profiles, comma-separated')
    .option('--allow-unsafe', 'matrix mode: also send POST, PUT, PATCH, DELETE...')
    .option('--workspace <dir>', 'the workspace whose key/gateway profiles an imported collection may use')
    .addHelpText('after', '\nThe first round is the baseline; later rounds print a line per request (or cell) whose status class changed, with the explanation of a new refusal.\nEach round is logged (JSON lines, bounded) under the data folder: watch/watch.jsonl.\nExit codes: 0 stopped (Ctrl+C or --rounds done), 2 bad input.')
    .action(async (target: string, flags) => setCode(await (await import('./commands/watch')).runWatchCommand(target, flags)));

  cmd.command('explain')
    .description('Explain responses offline: is it a refusal, which layer wrote it, why, and what to do')
    .argument('<file>', "a JSON response {status, headers, body}, a HAR 1.2 log, or raw `curl -i` output; '-' reads stdin")
    .option('--json', 'print a JSON array, one explanation per response')
    .option('--url <url>', "the request's URL, for responses that carry none: its host names the service when the response names no layer")
    .action(async (file: string, flags) => setCode(await (await import('./commands/explain')).runExplain(file, flags)));

  cmd.command('import')
    .description('Import a Postman, Insomnia, Bruno, OpenAPI, HAR or curl file as a Clearance collection')
    .argument('<format>', 'postman, insomnia, bruno, openapi, har, curl or auto')
    .argument('<file>', 'the file (a folder for Bruno)')
    .option('--out <dir>', 'the folder to write the collection to (empty, new, or a workspace)')
    .option('--force', 'write into a non-empty folder and replace files that already exist')
    .option('--json', 'print the summary and warnings as JSON')
    .action(async (format: string, file: string, flags) => setCode(await (await import('./commands/import')).runImport(format, file, flags)));

  const secrets = cmd.command('secrets')
    .description('Where each secret of a workspace is kept (env variable, OS keychain, local store, missing), never its value; move them');
  secrets.command('list')
    .description('Every secret of the environments and key/gateway profiles, with where a send takes it from')
    .argument('[dir]', 'the workspace (default: the one the current folder is in)')
    .option('--json', 'print them as JSON')
    .action(async (dir: string | undefined, flags) => setCode(await (await import('./commands/secrets')).runSecretsList(dir, flags)));
  secrets.command('move')
    .description('Move every stored secret of a workspace to the OS keychain or to the local store (copied, read back, then deleted)')
    .argument('<dir>', 'the workspace')
    .requiredOption('--to <store>', 'keychain or local-store')
    .option('--json', 'print what moved as JSON')
    .addHelpText('after', '\nA send looks for a secret in the env variable its file names (env:), then the OS keychain, then the local store\n(a file under the data folder readable by you alone, used where no keychain is reachable).\nExit codes: 0 moved, 1 the target could not be reached (nothing lost), 2 bad input.')
    .action(async (dir: string, flags) => setCode(await (await import('./commands/secrets')).runSecretsMove(dir, flags)));

  cmd.command('export')
    .description('Export requests as curl commands, code snippets or a Postman v2.1 collection')
    .argument('<format>', 'curl, snippet:<target> (curl, python, javascript, node, go, java, csharp, php, ruby, kotlin, swift, powershell, http) or postman')
    .argument('<target>', 'a request file or a workspace folder')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--env <name>', 'fill variables from this environment')
    .option('--key <name>', 'key profile instead of the request default (none = without)')
    .option('--gateway <name>', 'gateway profile instead of the request default (direct = without)')
    .option('--force', 'replace --out if it exists')
    .action(async (format: string, target: string, flags) => setCode(await (await import('./commands/export')).runExport(format, target, flags)));

  cmd.command('history')
    .description('The requests sent by the app and the CLI, newest first, secrets redacted')
    .option('--grep <text>', 'only entries whose method, URL, status, headers or error contain this text')
    .option('--status <code>', 'only this status (403), class (4xx), or refused (refusals of any status, a 200 block page too)')
    .option('--limit <n>', 'at most this many entries (default 100)')
    .option('--json', 'print the entries as a JSON array')
    .action(async (flags) => setCode(await (await import('./commands/history')).runHistory(flags)));

  cmd.command('serve')
    .description("Serve the app's UI on 127.0.0.1 for a browser (random token in the printed URL)")
    .addOption(new Option('--port <n>', 'port (default: a random free port)'))
    .option('--open', 'open the URL in the default browser')
    .action(async (flags) => setCode(await (await import('./commands/serve')).runServe(flags)));

  cmd.command('demo')
    .description('Start a local demo API with classic refusals and write a sample workspace pointed at it')
    .addOption(new Option('--port <n>', 'port (default: a random free port)'))
    .option('--dir <dir>', 'where the sample workspace is written (default: <data folder>/demo/workspace)')
    .addHelpText('after', '\nThe server binds 127.0.0.1 and runs until Ctrl+C. The workspace is rewritten on each start, its environment demo pointing at the port.')
    .action(async (flags) => setCode(await (await import('./commands/demo')).runDemo(flags)));

  return cmd;
}

/**
 * An error no command turned into a usage error: a coded backend error or a system call's failure
 * (EACCES, ENOSPC...) is said as it is; anything else (TypeError, RangeError...) is a bug and says so.
 */
function describeUnexpected(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; info?: { code?: unknown } };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (typeof e?.info?.code === 'string' || typeof e?.code === 'string') return message;
  return `internal error (a bug in Clearance; please report it with the command that caused it): ${message}`;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cmd = program((c) => {
    code = c;
  });
  for (const sub of cmd.commands) sub.exitOverride();
  try {
    await cmd.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`clearance: ${escapeControls(err.message)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`clearance: ${escapeControls(describeUnexpected(err))}\n`);
    // A backend error carries its code: the one table (shared/errors/codes.ts) says usage (2) or failure (1).
    const info = (err as { info?: { code?: unknown } }).info;
    if (typeof info?.code !== 'string') return EXIT_FAILURE;
    const { exitCodeFor } = await import('../../shared/errors/codes');
    return exitCodeFor(info.code);
  }
  return code;
}
