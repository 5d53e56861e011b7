// The repository stands alone: its docs name every cause and producer id the code can return, the
// generated producer tables match the code, and no file points at a document outside the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCERS } from '../../shared/explain/producers/index';
import { CAUSE_IDS, ExplanationSchema } from '../../shared/explain/types';
import { PRODUCERS_DOC, ROOT, renderProducersDoc } from '../../scripts/gen-producers-doc';

const doc = (name: string): string => readFileSync(join(ROOT, 'docs', name), 'utf8');

describe('docs/causes.md', () => {
  const text = doc('causes.md');
  it.each(CAUSE_IDS)('describes the cause %s in its own section', (id) => {
    expect(text).toContain(`## \`${id}\``);
  });
});

describe('docs/producers.md', () => {
  const text = readFileSync(PRODUCERS_DOC, 'utf8');
  it.each(PRODUCERS.map((p) => [p.id, p.kind] as const))('lists the producer %s (%s)', (id) => {
    expect(text).toContain(`| \`${id}\` |`);
  });
  it('matches the registry (else run: npx tsx scripts/gen-producers-doc.ts)', () => {
    expect(renderProducersDoc(text) === text, 'docs/producers.md is stale: run npx tsx scripts/gen-producers-doc.ts').toBe(true);
  });
});

describe('docs/cli.md', () => {
  const text = doc('cli.md');
  // Top-level commands are `cmd.command(...)`; a group's subcommands (`secrets.command('list')`) are documented in the group's section.
  const cli = readFileSync(join(ROOT, 'electron/cli/index.ts'), 'utf8');
  const commands = [...cli.matchAll(/\bcmd\s*\.command\('([a-z-]+)'\)/g)].map((m) => m[1]!);
  const subcommands = [...cli.matchAll(/\b(\w+)\.command\('([a-z-]+)'\)/g)].filter((m) => m[1] !== 'cmd').map((m) => m[2]!);
  it('finds the commands in electron/cli/index.ts', () => {
    expect(commands).toContain('send');
  });
  it.each(subcommands)('documents the subcommand `%s`', (name) => {
    expect(text).toMatch(new RegExp(`clearance [a-z-]+ ${name}\\b`));
  });
  it.each(commands)('documents `clearance %s`', (name) => {
    expect(text).toContain(`### \`clearance ${name}\``);
  });
  it.each(Object.keys(ExplanationSchema.shape))('documents the explain --json field %s', (field) => {
    expect(text).toContain(`| \`${field}\` |`);
  });
});

describe('no file points outside the repository', () => {
  // Names of the brief's files, built so that this file does not mention them itself.
  const outside = ['PRODUCT', 'ARCHITECTURE', 'STACK', 'UI', 'producers'].map((n) => `${n}.md`);
  const pattern = new RegExp(`(^|[^\\w/.-])(${outside.map((n) => n.replace('.', '\\.')).join('|')})\\b|/work/${'shared'}`, 'g');
  const SKIP = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', 'playwright-report', 'fixtures', 'screenshots']);
  const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|json|md|ya?ml|sh|css|html)$/;

  function files(dir: string): string[] {
    const out: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) out.push(...files(p));
      else if (TEXT.test(e.name) && statSync(p).size < 2_000_000) out.push(p);
    }
    return out;
  }

  it('no source, test, script or doc names the product brief files', () => {
    const roots = ['electron', 'shared', 'renderer', 'test', 'scripts', 'bench', 'docs', 'bin', 'resources', '.ci'];
    const top = readdirSync(ROOT).filter((n) => /\.(md|ts|js|mjs|json|ya?ml)$/.test(n) && n !== 'package-lock.json');
    const all = [...roots.flatMap((r) => { try { return files(join(ROOT, r)); } catch { return []; } }), ...top.map((n) => join(ROOT, n))];
    expect(all.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const f of all) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        // a relative link to a file that is in the repository (docs/ linking docs/producers.md) is fine
        const outsideRef = [...line.matchAll(pattern)].some((m) => !(m[2] && existsSync(join(dirname(f), m[2]))));
        if (outsideRef) hits.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits, 'point at the in-repo docs instead (docs/concepts.md, docs/causes.md, docs/producers.md, docs/cli.md)').toEqual([]);
  });
});
