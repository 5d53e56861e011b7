// Pure helpers around key and gateway profiles: JWT claims, host binding, base-URL rewrite, secret fields.
export * from './jwt';
export * from './host-binding';
export * from './rewrite';
export * from './secret-fields';
export { splitUrl, effectivePort, originOf, type UrlParts } from './url-parts';
