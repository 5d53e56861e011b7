// The HTTP engine: one send path for the app, CLI, serve and the runner.
export { send, bodyDirectory, type SendContext } from './send';
export { SendFailure } from './send-failure';
export { validateRequest } from './validate';
export { closePools } from './dispatchers';
export { sendThrough, type Through } from './send-through';
export { OAuth2TokenError, clearTokenCache, tokenFetchCount } from './auth';
