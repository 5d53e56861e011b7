// The HTTP engine: one send path for the app, CLI, serve and the runner.
export { send, bodyDirectory, type SendContext } from './send';
export { SendFailure } from './send-failure';
export { validateRequest } from './validate';
export { closePools } from './dispatchers';
export { baseHeaders, type BaseHeaders } from './wire-headers';
export { buildUrl, checkRequest, normalizeRequest } from './validate';
export { applyKey, type AuthEdits, type FinalRequest } from './auth';
export { applyGateway, type GatewayPlan } from './gateway/apply';
