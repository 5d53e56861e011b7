import { SendFailure } from '../../electron/engine';
import type { SendErrorCode } from '../../shared/model';

/** Awaits a send that must fail and returns its SendFailure after checking the code. */
export async function failureOf(p: Promise<unknown>, code: SendErrorCode): Promise<SendFailure> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof SendFailure)) throw new Error(`expected SendFailure ${code}, got ${String(err)}`, { cause: err });
    if (err.info.code !== code) throw new Error(`expected ${code}, got ${err.info.code}: ${err.message}`, { cause: err });
    return err;
  }
  throw new Error(`expected SendFailure ${code}, but the send succeeded`);
}
