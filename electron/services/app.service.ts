import type { ServiceImpl, appContract } from '../../shared/contract';

export interface AppServiceDeps {
  version: string;
  transport: 'ipc' | 'http';
  /** the desktop app's native folder dialog (electron/main); absent in serve mode */
  pickFolder?: (title?: string) => Promise<string | null>;
}

export function createAppService(info: AppServiceDeps): ServiceImpl<typeof appContract> {
  return {
    async info() {
      return { version: info.version, transport: info.transport, platform: process.platform };
    },
    async pickFolder({ title }) {
      // Serve mode has no native dialog: the browser UI falls back to a path field.
      if (info.transport === 'http' || !info.pickFolder) return { path: null };
      return { path: await info.pickFolder(title) };
    },
  };
}
