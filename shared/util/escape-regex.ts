/** `s` as a regular expression that matches exactly that text (every metacharacter escaped). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
