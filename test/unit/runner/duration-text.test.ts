// How the reporters write a duration (electron/runner/reporters/summary.ts): whole milliseconds below a
// second, seconds from there. A wait the timer ended a fraction early (999.7 ms) rounds to a second and
// must read as one, as the run's other lines and the pacing test expect.
import { describe, expect, it } from 'vitest';
import { ms } from '../../../electron/runner/reporters/summary';

describe('duration text', () => {
  it.each([
    [0, '0 ms'],
    [2.4, '2 ms'],
    [999.4, '999 ms'],
    [999.7, '1.00 s'],
    [1000, '1.00 s'],
    [1062, '1.06 s'],
  ])('%s ms reads as %s', (t, text) => {
    expect(ms(t)).toBe(text);
  });
});
