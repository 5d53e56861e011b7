// Trimming runs of given characters in linear time. The regex forms (/^_+|_+$/g, /\/+$/) retry the
// trailing alternative at every position of a long run that is not at the end: quadratic on
// crafted input (100 KB of "_" took 10 s).

/** `s` without leading and trailing characters from `chars`. */
export function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start]!)) start++;
  while (end > start && chars.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/** `s` without trailing characters from `chars`. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}
