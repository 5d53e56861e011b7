// Appending one JSON line to a log that several processes share (history, the watch log). A writer
// killed mid-append can leave its line torn (Linux cuts a large write short on SIGKILL); the next
// line appended straight after it would be glued to the fragment and lost with it when the log is
// read. So a log that does not end in a newline gets one first, in the same write as the line.
import { open } from 'node:fs/promises';

export async function appendLine(file: string, line: string, mode = 0o666): Promise<void> {
  const fh = await open(file, 'a+', mode);
  try {
    const { size } = await fh.stat();
    let text = line.endsWith('\n') ? line : `${line}\n`;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) text = `\n${text}`;
    }
    // One write call (O_APPEND): lines from concurrent appenders do not interleave.
    await fh.write(text);
  } finally {
    await fh.close();
  }
}
