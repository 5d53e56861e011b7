// Nesting depth of parsed data, measured with an explicit stack: the measuring itself cannot
// overflow on the input it is there to refuse.

/** True when `root` holds objects or arrays nested deeper than `max`. */
export function nestsDeeper(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) return true;
    if (v && typeof v === 'object') for (const c of Object.values(v)) if (c && typeof c === 'object') stack.push([c, d + 1]);
  }
  return false;
}
