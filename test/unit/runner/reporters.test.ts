// What the Postman script runner will fill in (tests, unsupported) is shown by every reporter
// already, and settle() fails a request on a failed script test; the cli reporter draws a progress
// line on a TTY and clears it before each result and the summary.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { palette } from '../../../electron/cli/output/colors';
import { cliReporter, resultLines } from '../../../electron/runner/reporters/cli';
import { renderRunHtml } from '../../../electron/runner/reporters/html';
import { junitXml } from '../../../electron/runner/reporters/junit';
import type { RunReport, RunResult } from '../../../electron/runner/types';
import { settle } from '../../../electron/runner/verdict';

const p = palette(false);

function result(extra: Partial<RunResult> = {}): RunResult {
  return settle({ index: 1, name: 'Scripted', path: 'scripted.yaml', method: 'GET', url: 'http://127.0.0.1:1/x', status: 200, timeMs: 5, passed: false,
    tests: [{ name: 'status is 200', passed: true }, { name: 'has id', passed: false, error: 'expected undefined to exist' }],
    unsupported: ['pm.sendRequest', 'postman.setNextRequest'], ...extra });
}

function report(results: RunResult[]): RunReport {
  const passed = results.filter((r) => r.passed).length;
  return { collection: 'C', format: 'postman', target: '/t', startedAt: '2026-01-31T10:00:00.000Z', results,
    summary: { total: results.length, passed, failed: results.length - passed, skipped: 0, refusals: {}, durationMs: 10, iterations: 1,
      assertions: { passed: 0, failed: 0 }, tests: { passed: 1, failed: 1 }, paced: { requests: 0, totalMs: 0 }, retried: 0 } };
}

describe('script results in every reporter', () => {
  const r = result();

  it('a failed script test fails the request, named in its reason', () => {
    expect(r.passed).toBe(false);
    expect(r.reason).toBe('test "has id" failed: expected undefined to exist');
    expect(result({ tests: [{ name: 'ok', passed: true }] }).passed).toBe(true);
  });

  it('cli: each test, and what was not run', () => {
    const text = resultLines(r, p);
    expect(text).toContain('✓ status is 200');
    expect(text).toContain('✗ has id: expected undefined to exist');
    expect(text).toContain('unsupported (not run): pm.sendRequest, postman.setNextRequest');
  });

  it('junit and html: each test, and what was not run', () => {
    const xml = junitXml(report([r]));
    expect(xml).toContain('FAILED: test has id: expected undefined to exist');
    expect(xml).toContain('passed: test status is 200');
    expect(xml).toContain('unsupported (not run): pm.sendRequest, postman.setNextRequest');
    expect(xml).toContain('type="test"');
    const html = renderRunHtml(report([r]));
    expect(html).toContain('✗ test has id: expected undefined to exist');
    expect(html).toContain('unsupported (not run): pm.sendRequest, postman.setNextRequest');
    expect(html).toMatch(/<th>tests<\/th><td class="n">2<\/td>/);
  });
});

describe('cli reporter on a TTY', () => {
  it('draws "n/total run" under the results and clears it before each write and the summary', async () => {
    let text = '';
    const out = Object.assign(new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } }), { isTTY: true });
    const rep = cliReporter({ out, palette: p, total: 2 });
    rep.result!(result({ index: 1, tests: [] }));
    expect(text.endsWith('\r1/2 run…')).toBe(true);
    rep.result!(result({ index: 2 }));
    expect(text.endsWith('\r2/2 run, 1 failed…')).toBe(true);
    await rep.finish(report([result({ tests: [] }), result()]));
    expect(text).toContain('2/2 run, 1 failed…\r\u001b[K');
    expect(text.split('\r\u001b[K')).toHaveLength(4);
    expect(text).toMatch(/tests +2 +1 +1\n/);
  });
});
