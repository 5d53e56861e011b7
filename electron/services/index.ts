import { appContract, bindContract, diagnosisContract, historyContract, importsContract, matrixContract, profilesContract, requestsContract, runnerContract, watchContract, workspaceContract, type Handler } from '../../shared/contract';
import { createAppService } from './app.service';
import { createHistoryService } from './history.service';
import { createProfilesService } from './profiles.service';
import { createImportsService } from './imports.service';
import { createRequestsService, type RequestsServiceDeps } from './requests.service';
import { createWorkspaceService, type WorkspaceServiceDeps } from './workspace.service';
import { HistoryStore } from '../workspace/history';
import { createEventHub, type EventHub } from './event-hub';
import { createDiagnosisService } from './diagnosis.service';
import { createMatrixService } from './matrix.service';
import { createWatchService } from './watch.service';
import { createRunnerService } from './runner.service';

export { createRequestsService } from './requests.service';
export { createAppService } from './app.service';
export { createWorkspaceService } from './workspace.service';
export { createHistoryService } from './history.service';
export { createProfilesService } from './profiles.service';
export { createImportsService } from './imports.service';
export { createEventHub, type EventHub } from './event-hub';
export { createMatrixService } from './matrix.service';
export { createWatchService } from './watch.service';

export interface HandlerOptions extends RequestsServiceDeps, Omit<WorkspaceServiceDeps, 'history'> {
  /** the history store both send paths record into (default: the app's data folder) */
  historyStore?: HistoryStore;
  transport: 'ipc' | 'http';
  version: string;
  /** the desktop app's native folder dialog (none in serve mode) */
  pickFolder?: (title?: string) => Promise<string | null>;
  /** the desktop app's native file dialog (none in serve mode) */
  pickFile?: (title?: string) => Promise<string | null>;
  /** where services push contract events (timeline of sends in flight); the transport forwards them */
  events?: EventHub;
}

/** Every contract channel bound to its service; both transports register exactly this map. */
export function createHandlers(opts: HandlerOptions): Map<string, Handler> {
  const history = opts.historyStore ?? new HistoryStore({ origin: 'app' });
  const events = opts.events ?? createEventHub();
  return new Map([
    ...bindContract(appContract, createAppService(opts)),
    ...bindContract(requestsContract, createRequestsService({ ...opts, history, events })),
    ...bindContract(workspaceContract, createWorkspaceService({ ...opts, history, events })),
    ...bindContract(historyContract, createHistoryService(history)),
    ...bindContract(profilesContract, createProfilesService(opts)),
    ...bindContract(importsContract, createImportsService()),
    ...bindContract(diagnosisContract, createDiagnosisService({ ...opts, events, history })),
    ...bindContract(matrixContract, createMatrixService({ ...opts, events })),
    ...bindContract(watchContract, createWatchService({ ...opts, events })),
    ...bindContract(runnerContract, createRunnerService({ ...opts, events, history })),
  ]);
}
