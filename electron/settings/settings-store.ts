// settings.json in the app's data folder: read once and kept, written atomically on each change.
// A file that is not valid JSON or not valid settings is an error naming it (never replaced by
// defaults in silence: a proxy or CA the user set would quietly stop applying).
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ContractError } from '../../shared/contract/result';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/contract/settings';
import { writeFileAtomic } from '../workspace/atomic-write';
import { appHome } from '../workspace/history/app-home';

export class SettingsStore {
  readonly path: string;
  private current: Promise<Settings> | null = null;
  /** changes run one after another: two quick edits never write over each other */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path = join(appHome(), 'settings.json')) {
    this.path = path;
  }

  get(): Promise<Settings> {
    this.current ??= this.read();
    // A failed read is tried again next time (the user may have fixed the file).
    return this.current.catch((err: unknown) => {
      this.current = null;
      throw err;
    });
  }

  set(patch: SettingsPatch): Promise<Settings> {
    const next = this.queue.then(async () => {
      const merged = SettingsSchema.parse({ ...(await this.get()), ...patch });
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFileAtomic(this.path, `${JSON.stringify(merged, null, 2)}\n`);
      } catch (err) {
        throw new ContractError({ code: 'settings-write-failed', message: `Could not save the settings to ${this.path}: ${(err as Error).message}`,
          remedy: 'Check that the folder exists and that you can write to it.' });
      }
      this.current = Promise.resolve(merged);
      return merged;
    });
    this.queue = next.catch(() => undefined); // the caller gets the error; the queue goes on
    return next;
  }

  private async read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return SettingsSchema.parse({});
      throw this.unreadable((err as Error).message);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw this.unreadable(`not JSON (${(err as Error).message})`);
    }
    const parsed = SettingsSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw this.unreadable(`${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  private unreadable(why: string): ContractError {
    return new ContractError({ code: 'settings-unreadable', message: `The settings file ${this.path} cannot be used: ${why}`,
      remedy: `Fix the file, or delete it to go back to the defaults.` });
  }
}
