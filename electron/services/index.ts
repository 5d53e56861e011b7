import { appContract, bindContract, requestsContract, type Handler } from '../../shared/contract';
import { createAppService } from './app.service';
import { createRequestsService, type RequestsServiceDeps } from './requests.service';

export { createRequestsService } from './requests.service';
export { createAppService } from './app.service';

export interface HandlerOptions extends RequestsServiceDeps {
  transport: 'ipc' | 'http';
  version: string;
}

/** Every contract channel bound to its service; both transports register exactly this map. */
export function createHandlers(opts: HandlerOptions): Map<string, Handler> {
  return new Map([
    ...bindContract(appContract, createAppService(opts)),
    ...bindContract(requestsContract, createRequestsService(opts)),
  ]);
}
