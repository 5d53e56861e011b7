import { appContract } from './app';
import { requestsContract } from './requests';
import { workspaceContract } from './workspace';
import { historyContract } from './history';
import { profilesContract } from './profiles';
import { importsContract } from './imports';
import { diagnosisContract } from './diagnosis';
import { matrixContract } from './matrix';
import { watchContract } from './watch';
import { runnerContract } from './runner';
import { settingsContract } from './settings';
import type { ServiceDef } from './define';

export * from './define';
export * from './result';
export * from './bind';
export { appContract } from './app';
export { requestsContract, SendArgsSchema } from './requests';
export { workspaceContract, ResolveArgsSchema, ResolveResultSchema, EnvironmentInfoSchema, ChangeBatchSchema } from './workspace';
export { historyContract, HistoryEntrySchema, HistoryQuerySchema, HISTORY_ORIGINS, type HistoryEntry, type HistoryOrigin } from './history';
export { profilesContract, ProfileKindSchema, KeyEntrySchema, GatewayEntrySchema, PresetSchema, JwtSummarySchema, SecretStateSchema } from './profiles';
export { SecretStoreNameSchema, SecretRefSchema, WorkspaceSecretSchema, SecretsReportSchema, MoveSecretsResultSchema, SecretStoredSchema } from './secrets';
export { importsContract, ImportRunArgsSchema, ImportRunResultSchema, ImportFormatSchema } from './imports';
export { matrixContract, MatrixSchema, MatrixCellSchema, MatrixRunArgsSchema, ComparisonSchema as MatrixComparisonSchema, ExpectationSchema, columnId, parseColumnId,
  type Matrix, type MatrixCell, type MatrixColumn, type MatrixRow, type CellRefusal, type CellResponse, type Comparison as MatrixComparison, type Drift, type Expectation, type ExpectWord, type StatusClass } from './matrix';
export { watchContract, WatchStartArgsSchema, WatchRoundSchema, WatchChangeSchema, type WatchRound, type WatchChange, type WatchState } from './watch';
export { diagnosisContract, DiagnosisSchema, DiagnoseArgsSchema, ProbeResultSchema, CheckItemSchema, FixEditSchema, CheckTargetSchema, type DiagnosisData, type FixEdit, type CheckTarget } from './diagnosis';
export { runnerContract, RunResultSchema, RunReportSchema, type RunResultData, type RunReportData } from './runner';
export { settingsContract, SettingsSchema, SettingsPatchSchema, type Settings, type SettingsPatch } from './settings';

/** Every service the backend offers; the IPC bridge, preload and serve expose exactly these. */
export const contracts = [appContract, requestsContract, workspaceContract, historyContract, importsContract, profilesContract, diagnosisContract, runnerContract, matrixContract, watchContract, settingsContract] as const;

export const allChannels: readonly string[] = contracts.flatMap((c) => Object.values(c.methods).map((m) => m.channel));

/** The one IPC channel the main process pushes contract events on ({channel, payload}). */
export const EVENT_IPC_CHANNEL = 'clearance:event';

/** Every event channel the backend may push; the preload and the renderer accept only these. */
export const allEventChannels: readonly string[] = (contracts as readonly ServiceDef[]).flatMap((c) => Object.values(c.events ?? {}).map((e) => e.channel));
