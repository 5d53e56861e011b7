import { appContract, bindContract, diagnosisContract, historyContract, importsContract, matrixContract, profilesContract, requestsContract, runnerContract, settingsContract, watchContract, workspaceContract, type Handler } from '../../shared/contract';
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
import { createSettingsService } from './settings.service';
import { SettingsStore } from '../settings/settings-store';
import { sendDefaults } from '../settings/send-defaults';

export { createRequestsService } from './requests.service';
export { createAppService } from './app.service';
export { createWorkspaceService } from './workspace.service';
export { createHistoryService } from './history.service';
export { createProfilesService } from './profiles.service';
export { createImportsService } from './imports.service';
export { createEventHub, type EventHub } from './event-hub';
export { createMatrixService } from './matrix.service';
export { createWatchService } from './watch.service';
export { createSettingsService } from './settings.service';

export interface HandlerOptions extends RequestsServiceDeps, Omit<WorkspaceServiceDeps, 'history'> {
  /** the history store both send paths record into (default: the app's data folder, sized by the settings) */
  historyStore?: HistoryStore;
  /** the app's settings (default: settings.json in the app's data folder) */
  settingsStore?: SettingsStore;
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
  const settings = opts.settingsStore ?? new SettingsStore();
  const history = opts.historyStore ?? new HistoryStore({ origin: 'app', maxEntries: async () => (await settings.get()).historySize });
  const events = opts.events ?? createEventHub();
  // The window's sends, runs and matrices take the settings' HTTP version, proxy and CA under their own options.
  const withSettings = { ...opts, sendDefaults: opts.sendDefaults ?? (async () => sendDefaults(await settings.get())) };
  return new Map([
    ...bindContract(appContract, createAppService(opts)),
    ...bindContract(settingsContract, createSettingsService(settings, { afterSet: (_, patch) => (patch.historySize !== undefined ? history.prune() : undefined) })),
    ...bindContract(requestsContract, createRequestsService({ ...withSettings, history, events })),
    ...bindContract(workspaceContract, createWorkspaceService({ ...withSettings, history, events })),
    ...bindContract(historyContract, createHistoryService(history)),
    ...bindContract(profilesContract, createProfilesService(opts)),
    ...bindContract(importsContract, createImportsService()),
    ...bindContract(diagnosisContract, createDiagnosisService({ ...withSettings, events, history })),
    ...bindContract(matrixContract, createMatrixService({ ...withSettings, events })),
    ...bindContract(watchContract, createWatchService({ ...withSettings, events })),
    ...bindContract(runnerContract, createRunnerService({ ...withSettings, events, history })),
  ]);
}
