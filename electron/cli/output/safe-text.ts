// Text from the input (a URL, a header, a file's content, a server's words) is echoed in CLI lines;
// its control characters are shown as escapes so they cannot drive the terminal (ESC sequences
// recolour, move the cursor or retitle the window; BEL rings; CR overwrites the line; bidi controls
// reorder what is read). Line feeds and tabs stay: messages are ours to lay out.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\u001b': '\\e', '\r': '\\r', '\u0007': '\\a', '\u0000': '\\0' };

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
