export { ResolvedUrl } from './resolved-url';
export { EnvSelect } from './env-select';
