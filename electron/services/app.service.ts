import type { ServiceImpl, appContract } from '../../shared/contract';

export function createAppService(info: { version: string; transport: 'ipc' | 'http' }): ServiceImpl<typeof appContract> {
  return {
    async info() {
      return { version: info.version, transport: info.transport, platform: process.platform };
    },
  };
}
