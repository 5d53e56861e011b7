// Loaded after the first paint (platform/index.ts imports it dynamically): building every contract's
// zod schemas costs tens of milliseconds, and the URL field needs none of them. zod-jitless comes
// first, so no schema is parsed before jitless is set (zod's eval probe breaks the CSP).
import '../lib/zod-jitless';
import { appContract, diagnosisContract, historyContract, importsContract, matrixContract, profilesContract, requestsContract, runnerContract, settingsContract, watchContract, workspaceContract } from '../../../shared/contract';
import { RequestFileSchema, RequestOptionsFileSchema } from '../../../shared/model';

/** Every service the window calls, by the name its channels start with (`app.info` → app). */
export const services = {
  app: appContract,
  requests: requestsContract,
  workspace: workspaceContract,
  history: historyContract,
  imports: importsContract,
  profiles: profilesContract,
  diagnosis: diagnosisContract,
  runner: runnerContract,
  matrix: matrixContract,
  watch: watchContract,
  settings: settingsContract,
};

/** The model schemas renderer code parses with itself (a request file's canonical form). */
export const schemas = { RequestFileSchema, RequestOptionsFileSchema };

export type Services = typeof services;
export type Schemas = typeof schemas;
