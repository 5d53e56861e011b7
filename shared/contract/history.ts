import { z } from 'zod';
import { defineService } from './define';

/** Who sent it: the window, a CLI command, or a run (the Runner or `clearance run`). */
export const HISTORY_ORIGINS = ['app', 'cli', 'run'] as const;
export const HistoryOriginSchema = z.enum(HISTORY_ORIGINS);
export type HistoryOrigin = z.infer<typeof HistoryOriginSchema>;

/** One sent request as history keeps it: secrets already redacted, bodies in side files. */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  /** ISO time the send finished */
  time: z.string(),
  method: z.string(),
  url: z.string(),
  /** null when no response arrived */
  status: z.number().int().nullable(),
  statusText: z.string().optional(),
  /** the refusal rule's verdict (shared/explain/refusal.ts) on the response, taken when it was sent */
  refused: z.boolean().optional(),
  /** the explainer's verdict when it ran (a possible refusal): who answered and why, as names (older entries have none) */
  producer: z.string().optional(),
  cause: z.string().optional(),
  /** absent on entries written before it was recorded */
  origin: HistoryOriginSchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  durationMs: z.number().optional(),
  requestHeaders: z.array(z.object({ name: z.string(), value: z.string(), origin: z.string().optional() })),
  responseHeaders: z.array(z.tuple([z.string(), z.string()])),
  /** request body text (redacted, capped) */
  requestBody: z.string().optional(),
  /** response body text file in the history folder (redacted, capped) */
  bodyFile: z.string().optional(),
  bodyBytes: z.number().int().optional(),
  /** where it came from: a workspace request file and environment, when known */
  source: z.object({ workspace: z.string().optional(), path: z.string().optional(), env: z.string().optional(), key: z.string().optional(), gateway: z.string().optional() }).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryQuerySchema = z.object({
  /** case-insensitive text found in the method, URL, status, headers or error */
  grep: z.string().max(500).optional(),
  /** an exact status (403), a class ("4xx") or "refused" (the refusal rule's verdict) */
  status: z.union([z.number().int(), z.string().regex(/^[1-5]xx$|^\d{3}$|^refused$/)]).optional(),
  limit: z.number().int().positive().max(10_000).default(100),
  /** only entries from these origins (an entry without one counts as 'app') */
  origin: z.array(HistoryOriginSchema).max(3).optional(),
  /** the explainer's producer name, exactly */
  producer: z.string().max(200).optional(),
  /** the explainer's cause id (rate-limited, waf-or-bot-block…) */
  cause: z.string().max(100).optional(),
});

export const historyContract = defineService({
  service: 'history',
  methods: {
    /** newest first */
    list: { channel: 'history.list', args: HistoryQuerySchema.default({ limit: 100 }), result: z.object({ entries: z.array(HistoryEntrySchema) }) },
    /** the response body history kept for an entry (redacted, capped at 256 KiB); null when none was kept or it was pruned */
    body: { channel: 'history.body', args: z.object({ id: z.string().min(1).max(100) }), result: z.object({ text: z.string().nullable(), bytes: z.number().int().nullable() }) },
    clear: { channel: 'history.clear', args: z.object({}).default({}), result: z.object({ removed: z.number().int() }) },
  },
});
