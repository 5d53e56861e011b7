// Variables: `{{name}}` templates resolved through request > folder > collection > environment >
// global scopes (run-time values win over all) plus dynamic values. Pure: no Node, no DOM.
export { parseTemplate, referencedNames, hasReferences, type TemplatePart } from './template';
export { dynamicValue, defaultSources, DYNAMIC_NAMES, type DynamicSources } from './dynamic';
export { lookup, type Scopes, type ScopeName, type VariableMap, type Lookup } from './scopes';
export { interpolate, newState, MAX_DEPTH, type UsedVariable, type UnresolvedVariable, type InterpolationState } from './interpolate';
export { resolveRequest, unresolvedMessage, type ResolvedRequest, type InjectedHeader, type DefaultLayers } from './resolve-request';
