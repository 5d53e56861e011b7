// The one path every request takes: prepare(source, overrides) → PreparedRequest → sendPrepared().
export { prepare, type RequestSource, type Overrides, type PrepareDeps } from './prepare';
export { prepareResolved, type PrepareResolvedInput } from './prepare-resolved';
export { sendPrepared, specOf, unresolvedError } from './send-prepared';
export { cancelSend, inFlightCount } from './in-flight';
export { effectiveName, loadThrough, isThrough, workspaceProfiles, NO_KEY, NO_GATEWAY, type LoadedThrough, type ProfileSource, type ThroughDeps } from './profile-through';
export type { PreparedRequest, PreparedKey, SendHooks, DeferredAuth } from './prepared';
export { sendThrough, type Through } from './send-through';
