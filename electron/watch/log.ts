// The watch's local log: one JSON line per round under the app's data folder (watch/watch.jsonl),
// bounded: past `maxBytes` the file becomes watch.1.jsonl (the one before is dropped). Rounds carry
// statuses, classes and explanations only: no URL, header or body, so no secret can reach it.
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WatchRound } from '../../shared/contract/watch';
import { appendLine } from '../workspace/append-line';
import { appHome } from '../workspace/history/app-home';

export interface WatchLogRecord extends WatchRound {
  target: string;
  mode: 'collection' | 'matrix';
}

export class WatchLog {
  readonly file: string;

  constructor(readonly dir: string = join(appHome(), 'watch'), private readonly maxBytes = 1024 * 1024) {
    this.file = join(dir, 'watch.jsonl');
  }

  async append(record: WatchLogRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    await mkdir(this.dir, { recursive: true });
    const size = await stat(this.file).then((s) => s.size, (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return 0;
      throw err;
    });
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) await rename(this.file, join(this.dir, 'watch.1.jsonl'));
    // One write per line (two watches do not interleave); a line a crash tore is ended first.
    await appendLine(this.file, line, 0o600);
  }
}
