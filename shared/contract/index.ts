import { appContract } from './app';
import { requestsContract } from './requests';

export * from './define';
export * from './result';
export * from './bind';
export { appContract } from './app';
export { requestsContract, SendArgsSchema } from './requests';

/** Every service the backend offers; the IPC bridge, preload and serve expose exactly these. */
export const contracts = [appContract, requestsContract] as const;

export const allChannels: readonly string[] = contracts.flatMap((c) => Object.values(c.methods).map((m) => m.channel));
