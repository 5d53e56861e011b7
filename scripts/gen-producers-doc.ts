// Writes the generated part of docs/producers.md: every producer the explainer registers
// (shared/explain/producers/index.ts), grouped by kind, with the signals that identify it, read
// from the `own` and `presence` matchers of its defineProducer call in the *.producer.ts files.
// Run after adding or changing a producer: npx tsx scripts/gen-producers-doc.ts
// (test/unit/docs.test.ts fails while the committed file is stale; `--check` only compares.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { PRODUCERS } from '../shared/explain/producers/index';
import { PRODUCER_KINDS, type ProducerKind } from '../shared/explain/types';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const PRODUCERS_DOC = join(ROOT, 'docs/producers.md');
const PRODUCERS_DIR = join(ROOT, 'shared', 'explain', 'producers');
export const BEGIN = '<!-- BEGIN GENERATED: npx tsx scripts/gen-producers-doc.ts -->';
export const END = '<!-- END GENERATED -->';

/** One line per kind: what kind of layer it is. A new kind fails to compile until it is described here. */
const KIND_TEXT: Record<ProducerKind, string> = {
  'cdn-waf': 'CDNs, edge platforms, web application firewalls and bot managers: they answer before your request reaches any API, usually with an HTML block or challenge page and a reference id.',
  gateway: 'API gateways and AI gateways: they check keys, consumers, plans, routes and quotas in front of an API, and answer in their own JSON.',
  proxy: 'Forward proxies (corporate egress, local auth proxies, debugging proxies) and reverse proxies / service meshes on the path.',
  'web-server': 'Web and application servers that serve files or host the application: their stock error pages and `Server` headers.',
  framework: 'Application frameworks and CMSs whose own middleware refused the call (CSRF, auth, permissions).',
  'saas-api': 'Public APIs of SaaS vendors and identity providers, each with its own error envelope and codes.',
  'cloud-storage': 'Object storage services (S3 and its look-alikes), whose XML or JSON errors carry machine-readable codes.',
  orchestrator: 'Container orchestrators\' API servers, whose `Status` objects say which user lacked which verb.',
};

interface Signals { own: string[]; presence: string[]; overrides: string[] }

// ---- regular expression → a short readable sample ------------------------------------------------

/** The first alternative of a regex source, as plain text: groups keep their first alternative, classes become "…". */
export function readable(source: string): string {
  let i = 0;
  const seq = (): string => {
    let out = '';
    while (i < source.length) {
      const c = source[i];
      if (c === '|') {
        // skip the other alternatives of this level
        let depth = 0;
        while (i < source.length) {
          const d = source[i];
          if (d === '\\') i += 2;
          else if (d === '[') {
            i++;
            while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
            i++;
          } else if (d === '(') { depth++; i++; }
          else if (d === ')') { if (depth === 0) return out; depth--; i++; }
          else i++;
        }
        return out;
      }
      if (c === ')') return out;
      let atom = '';
      if (c === '\\') {
        const e = source[i + 1] ?? '';
        i += 2;
        atom = e === 's' || e === 'n' ? ' ' : e === 'd' ? 'N' : e && 'wSWD'.includes(e) ? '…' : e === 'b' || e === 'B' ? '' : e;
      } else if (c === '[') {
        i++;
        while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
        i++;
        atom = '…';
      } else if (c === '(') {
        i++;
        if (source[i] === '?') {
          // (?: (?= (?! (?<name>
          if (source[i + 1] === '=' || source[i + 1] === '!') {
            i += 2;
            seq();
            i++;
            continue;
          }
          if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') i = source.indexOf('>', i) + 1;
          else i += 2;
        }
        atom = seq();
        i++; // ')'
      } else if (c === '^' || c === '$') {
        i++;
        continue;
      } else if (c === '.') {
        i++;
        atom = '…';
      } else {
        i++;
        atom = c ?? '';
      }
      // a quantified atom is kept once: "https?" reads "https", "\\s+" reads " "
      const q = source[i];
      if (q === '*' || q === '+' || q === '?') {
        i++;
        if (source[i] === '?') i++;
        if (atom === ' ' && q !== '+') atom = ''; // optional white space reads as none
      } else if (q === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
        i = source.indexOf('}', i) + 1;
        if (source[i] === '?') i++;
      }
      out += atom;
    }
    return out;
  };
  return seq().replace(/ {2,}/g, ' ').replace(/…+/g, '…').trim();
}

/** A Markdown code span (backticks inside become quotes). */
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// ---- matcher expressions → words -------------------------------------------------------------------

function regexSource(node: ts.Expression, consts: Map<string, ts.Expression>): string | undefined {
  if (ts.isRegularExpressionLiteral(node)) return node.text.slice(1, node.text.lastIndexOf('/'));
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text);
    return init ? regexSource(init, consts) : undefined;
  }
  return undefined;
}

function stringValue(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

function describe(node: ts.Expression, sf: ts.SourceFile, consts: Map<string, ts.Expression>): string {
  if (!ts.isCallExpression(node)) return code(shorten(node.getText(sf), 40));
  const fn = node.expression.getText(sf);
  const [a, b] = node.arguments;
  if (fn === 'hdr') {
    const name = stringValue(a) ?? '?';
    const re = b && regexSource(b, consts);
    return code(re ? `${name}: ${shorten(readable(re), 40)}` : name);
  }
  if (fn === 'body' || fn === 'bodyGroup') {
    const re = a && regexSource(a, consts);
    const text = re ? readable(re) : '';
    return text.length >= 4 ? `body ${code(shorten(text))}` : 'its error body';
  }
  if (fn === 'cookie' || fn === 'cookieLike') {
    const re = a && regexSource(a, consts);
    return re ? `cookie ${code(shorten(readable(re), 40))}` : 'a cookie';
  }
  if (fn === 'status') return `status ${node.arguments.map((x) => x.getText(sf)).join('/')}`;
  if (fn === 'all') return node.arguments.map((x) => describe(x, sf, consts)).join(' with ');
  if (fn === 'any' || fn === 'collect') return node.arguments.map((x) => describe(x, sf, consts)).join(' or ');
  return code(shorten(node.getText(sf), 40));
}

/** id → the signals of its defineProducer call, read from the source files. */
export function readSignals(): Map<string, Signals> {
  const out = new Map<string, Signals>();
  for (const file of readdirSync(PRODUCERS_DIR).filter((f) => f.endsWith('.producer.ts')).sort()) {
    const sf = ts.createSourceFile(file, readFileSync(join(PRODUCERS_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const consts = new Map<string, ts.Expression>();
    const visit = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
      if (ts.isCallExpression(n) && n.expression.getText(sf) === 'defineProducer' && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
        const props = new Map<string, ts.Expression>();
        for (const p of n.arguments[0].properties) if (ts.isPropertyAssignment(p)) props.set(p.name.getText(sf), p.initializer);
        const id = stringValue(props.get('id'));
        const list = (key: string): string[] => {
          const v = props.get(key);
          if (!v) return [];
          if (!ts.isArrayLiteralExpression(v)) return [code(shorten(v.getText(sf), 40))];
          return v.elements.map((e) => describe(e, sf, consts));
        };
        const overrides = props.get('overrides');
        if (id) {
          out.set(id, {
            own: [...list('own'), ...list('bodyOnly').map((d) => `${d} (body alone: weaker)`)], presence: list('presence'),
            overrides: overrides && ts.isArrayLiteralExpression(overrides) ? overrides.elements.map((e) => stringValue(e) ?? e.getText(sf)) : [],
          });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

// ---- the generated section ---------------------------------------------------------------------------

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The Markdown between BEGIN and END: a summary line and one table per kind. */
export function renderProducersSection(): string {
  const signals = readSignals();
  const lines: string[] = [];
  lines.push(`${PRODUCERS.length} producers in ${PRODUCER_KINDS.length} kinds. In each table: the id (\`producer.id\` in \`clearance explain --json\`), the name shown to users, what makes the explainer say *this layer wrote the response* (strong signals), and what only says *this layer is on the path* (weak signals). Quoted body text is a sample of the first thing the pattern accepts, not the whole pattern; the \`*.producer.ts\` file has the exact rules.`);
  lines.push('');
  for (const kind of PRODUCER_KINDS) {
    const rows = PRODUCERS.filter((p) => p.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
    lines.push(`### \`${kind}\` (${rows.length})`, '', KIND_TEXT[kind], '');
    lines.push('| id | name | wrote the response when it sees | on the path when it sees |', '|---|---|---|---|');
    for (const p of rows) {
      const s = signals.get(p.id);
      const name = p.overrides?.length ? `${p.name} (built on ${p.overrides.map((o) => `\`${o}\``).join(', ')})` : p.name;
      const own = s?.own.length ? s.own.join('; ') : '—';
      const presence = s?.presence.length ? s.presence.join('; ') : '—';
      lines.push(`| \`${p.id}\` | ${cell(name)} | ${cell(own)} | ${cell(presence)} |`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** The whole file with its generated section replaced. */
export function renderProducersDoc(current: string): string {
  const start = current.indexOf(BEGIN);
  const stop = current.indexOf(END);
  if (start < 0 || stop < start) throw new Error(`docs/producers.md has no ${BEGIN} … ${END} section`);
  return `${current.slice(0, start + BEGIN.length)}\n${renderProducersSection()}\n${current.slice(stop)}`;
}

function main(): number {
  const current = readFileSync(PRODUCERS_DOC, 'utf8');
  const next = renderProducersDoc(current);
  if (process.argv.includes('--check')) {
    if (next === current) return 0;
    process.stderr.write('docs/producers.md is stale: run npx tsx scripts/gen-producers-doc.ts\n');
    return 1;
  }
  if (next !== current) writeFileSync(PRODUCERS_DOC, next);
  process.stdout.write(`${next === current ? 'unchanged' : 'wrote'} docs/producers.md (${PRODUCERS.length} producers)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
