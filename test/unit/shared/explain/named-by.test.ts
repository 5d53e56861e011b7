// Every text output (terminal verdicts, runner reporters, matrix legends, diagnosis reports) writes
// who refused with one function, so a guessed name reads as a guess everywhere.
import { describe, expect, it } from 'vitest';
import { namedByNote, producerLabel } from '../../../../shared/explain/named-by';

describe('producerLabel', () => {
  it('writes the name and kind, and says when the name is a guess', () => {
    expect(producerLabel({ name: 'nginx', kind: 'web-server', namedBy: 'response' })).toBe('nginx (web-server)');
    expect(producerLabel({ name: 'GitHub API', kind: 'saas-api', namedBy: 'host' })).toBe("GitHub API (saas-api, named by the request's host)");
    expect(producerLabel({ name: 'GitHub API', kind: 'saas-api', namedBy: 'vendor-mark' })).toBe('GitHub API (saas-api, named by a mark of its vendor)');
    // a report written before namedBy existed reads as before
    expect(producerLabel({ name: 'Kong', kind: 'gateway' })).toBe('Kong (gateway)');
    expect(producerLabel(null)).toBe('an unidentified layer');
    expect(namedByNote('response')).toBeNull();
  });
});
