// One visual row as styled pieces: syntax tokens, search hits and the evidence highlight laid
// over the row's text range, each piece carrying every class that covers it.

export interface Span {
  start: number;
  end: number;
  cls: string;
}

export interface Piece {
  start: number;
  end: number;
  classes: string[];
}

/** Splits [rowStart, rowEnd) at every span edge; spans may overlap and extend past the row. */
export function rowPieces(rowStart: number, rowEnd: number, spans: readonly Span[]): Piece[] {
  if (rowEnd <= rowStart) return [];
  const inRow = spans.filter((s) => s.end > rowStart && s.start < rowEnd);
  const cuts = new Set<number>([rowStart, rowEnd]);
  for (const s of inRow) {
    cuts.add(Math.max(rowStart, s.start));
    cuts.add(Math.min(rowEnd, s.end));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const classes = inRow.filter((s) => s.start <= start && s.end >= end).map((s) => s.cls);
    const last = out[out.length - 1];
    if (last && last.classes.join(' ') === classes.join(' ')) last.end = end;
    else out.push({ start, end, classes });
  }
  return out;
}
