export * from './types';
export { GATEWAY_PRESETS, presetById } from './presets';
