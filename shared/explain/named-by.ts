import type { NamedBy } from './types';

/** A producer identified without one of its own rules matching is a guess: the note says what named it (null when its rules did). */
export function namedByNote(namedBy: NamedBy | undefined): string | null {
  if (namedBy === 'host') return 'named by the request\'s host';
  if (namedBy === 'vendor-mark') return 'named by a mark of its vendor';
  return null;
}
