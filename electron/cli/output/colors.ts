/** ANSI colours only on a TTY and without NO_COLOR (https://no-color.org), or when FORCE_COLOR is set. */
export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export type Paint = (text: string) => string;
export interface Palette { red: Paint; green: Paint; yellow: Paint; blue: Paint; magenta: Paint; dim: Paint; bold: Paint; inverseRed: Paint; cyan: Paint }

const code = (open: number, close: number): Paint => (t) => `\u001b[${open}m${t}\u001b[${close}m`;
const plain: Paint = (t) => t;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, green: plain, yellow: plain, blue: plain, magenta: plain, dim: plain, bold: plain, inverseRed: plain, cyan: plain };
  return {
    red: code(31, 39), green: code(32, 39), yellow: code(33, 39), blue: code(34, 39), magenta: code(35, 39), cyan: code(36, 39),
    dim: code(2, 22), bold: code(1, 22), inverseRed: (t) => `\u001b[1;97;41m${t}\u001b[0m`,
  };
}
