import type { SendOptionsInput } from '../../shared/model';

/** `options` over `defaults`; TLS field by field, so a request's -k keeps the settings' CA and its --cacert wins over it. */
export function withDefaults(defaults: SendOptionsInput | undefined, options: SendOptionsInput | undefined): SendOptionsInput | undefined {
  if (!defaults || Object.keys(defaults).length === 0) return options;
  const merged: SendOptionsInput = { ...defaults, ...options };
  if (defaults.tls && options?.tls) merged.tls = { ...defaults.tls, ...options.tls };
  return merged;
}
