import type { ServiceImpl, appContract } from '../../shared/contract';
import { ensureDemo } from '../demo';

export interface AppServiceDeps {
  version: string;
  transport: 'ipc' | 'http';
  /** the desktop app's native folder dialog (electron/main); absent in serve mode */
  pickFolder?: (title?: string) => Promise<string | null>;
  /** the desktop app's native file dialog; absent in serve mode */
  pickFile?: (title?: string) => Promise<string | null>;
  /** where the demo workspace is written (default: `<data folder>/demo/workspace`) */
  demoDir?: string;
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
    async pickFile({ title }) {
      // Serve mode has no native dialog: the browser UI keeps the typed path.
      if (info.transport === 'http' || !info.pickFile) return { path: null };
      return { path: await info.pickFile(title) };
    },
    async startDemo() {
      const demo = await ensureDemo(info.demoDir);
      return { root: demo.root, url: demo.url, env: demo.env, requests: demo.requests };
    },
  };
}
