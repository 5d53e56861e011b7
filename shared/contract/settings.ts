// The app's settings, kept in settings.json of the app's data folder (the app and `clearance serve`
// share it). Sends from the window take the defaults (HTTP version, proxy, CA file) under whatever
// the request or its file says; the history keeps at most historySize entries.
import { z } from 'zod';
import { HttpVersionSchema } from '../model/send-options';
import { defineService } from './define';

export const ThemeSettingSchema = z.enum(['system', 'light', 'dark']);

/**
 * A proxy every send of the window goes through unless the request names its own. No credentials:
 * the file is plain JSON (a proxy that needs them is set per request, where secrets are handled).
 */
export const ProxyDefaultSchema = z.object({
  url: z.string().trim()
    .regex(/^http:\/\/[^\s/@]+(:\d+)?\/?$/, 'a proxy is http://host:port (no user:password@, no path; https:// proxies are not supported)'),
  /** hosts reached directly: exact names, `.suffix` / `*.suffix`, or `*` */
  noProxy: z.array(z.string().trim().min(1).max(253)).max(100).default([]),
});

const FIELDS = {
  theme: ThemeSettingSchema,
  /** the HTTP version a send asks for when the request does not say ('auto': h2 by ALPN over TLS) */
  httpVersion: HttpVersionSchema,
  proxy: ProxyDefaultSchema.nullable(),
  /** a PEM file of extra certificate authorities trusted by every send (a corporate or local CA) */
  caFile: z.string().trim().min(1).max(4096).nullable(),
  /** the most history entries kept; older ones are pruned */
  historySize: z.number().int().min(1).max(100_000),
};

export const SettingsSchema = z.object({
  theme: FIELDS.theme.default('system'),
  httpVersion: FIELDS.httpVersion.default('auto'),
  proxy: FIELDS.proxy.default(null),
  caFile: FIELDS.caFile.default(null),
  historySize: FIELDS.historySize.default(1000),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A change: only the fields given are set; unknown fields are refused. */
export const SettingsPatchSchema = z.object(FIELDS).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const settingsContract = defineService({
  service: 'settings',
  methods: {
    get: { channel: 'settings.get', args: z.object({}).default({}), result: SettingsSchema },
    /** validates, writes the file atomically and returns the settings now in force */
    set: { channel: 'settings.set', args: z.object({ patch: SettingsPatchSchema }), result: SettingsSchema },
  },
});
