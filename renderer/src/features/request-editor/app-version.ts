import { useEffect, useState } from 'react';
import { api, toClientError } from '../../platform';

let version: Promise<string> | null = null;

/** The backend's version (the User-Agent names it), fetched once. */
export function useAppVersion(): string | null {
  const [v, setV] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    version ??= api.app.info({}).then((i) => i.version);
    version.then((x) => live && setV(x), (err: unknown) => {
      // Without it the row shows the product name alone; the send itself is unaffected.
      console.warn(`app.info: ${toClientError(err).message}`);
      version = null;
    });
    return () => { live = false; };
  }, []);
  return v;
}
