import { api, toClientError } from '../../platform';

/** The desktop app's native file dialog; the browser UI (serve) has none and keeps the typed path. */
export const canPickFiles = api.transport === 'ipc';

/** A chosen file's path, null when cancelled; a failure is said to the caller as an Error. */
export async function pickFilePath(title: string): Promise<string | null> {
  try {
    return (await api.app.pickFile({ title })).path;
  } catch (err) {
    throw new Error(toClientError(err).message);
  }
}
