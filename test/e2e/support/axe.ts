// The accessibility scan (axe-core) of what the page shows now, against WCAG 2.0 A/AA and 2.1 AA,
// reduced to the serious and critical violations. Elements failing a rule for the same reason are
// printed together: one line says what is wrong and lists where.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface Scan {
  /** Serious and critical violations: one line per rule and reason, with the elements. */
  blocking: string[];
  /** How many elements fail a serious or critical rule. */
  elements: number;
  /** Every violated rule with its impact and element count, moderate and minor included. */
  rules: string[];
}

export async function scan(page: Page): Promise<Scan> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const groups = new Map<string, string[]>();
  let elements = 0;
  for (const v of result.violations) {
    if (!BLOCKING.has(v.impact ?? '')) continue;
    for (const node of v.nodes) {
      elements++;
      const why = (node.failureSummary ?? '').replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ').trim();
      const key = `${v.id} [${v.impact}] ${v.help}: ${why}`;
      groups.set(key, [...(groups.get(key) ?? []), node.target.join(' > ')]);
    }
  }
  const blocking = [...groups].map(([why, where]) => `${why}\n      at ${where.length} element(s): ${where.join(' | ')}`);
  return { blocking, elements, rules: result.violations.map((v) => `${v.id} [${v.impact}] ×${v.nodes.length}`) };
}
