import { appContract, diagnosisContract, historyContract, importsContract, matrixContract, profilesContract, requestsContract, runnerContract, settingsContract, watchContract, workspaceContract } from '../../../shared/contract';
import { createClient } from './client';
import { createEvents } from './events';
import { createTransport } from './transport';

export { ClientError, toClientError } from './client-error';
export type { Transport } from './transport';
export type { EventsClient } from './events';

const transport = createTransport();

/** The backend, typed from shared/contract. Only stores call these; views never do. */
export const api = {
  transport: transport.kind,
  app: createClient(appContract, transport),
  requests: createClient(requestsContract, transport),
  workspace: createClient(workspaceContract, transport),
  history: createClient(historyContract, transport),
  imports: createClient(importsContract, transport),
  profiles: createClient(profilesContract, transport),
  diagnosis: createClient(diagnosisContract, transport),
  runner: createClient(runnerContract, transport),
  matrix: createClient(matrixContract, transport),
  watch: createClient(watchContract, transport),
  settings: createClient(settingsContract, transport),
  /** contract events pushed by the backend (a send's live timeline) */
  events: createEvents(transport),
};
