// Watch over the contract: a collection or an access matrix re-run on a schedule in the backend;
// only what changed between two rounds is pushed (watch.onChange), every round's end as watch.onRound.
import { z } from 'zod';
import { ErrorInfoSchema } from './result';
import { CellRefusalSchema, StatusClassSchema } from './matrix';
import { defineService } from './define';

/** What one request (or matrix cell) answered in a round. */
export const WatchStateSchema = z.object({ status: z.number().int().nullable(), statusClass: StatusClassSchema, refused: z.boolean() });
export type WatchState = z.infer<typeof WatchStateSchema>;

/** A request or cell whose status class (or refusal verdict) changed; `refusal` explains a new refusal. */
export const WatchChangeSchema = z.object({
  /** the request path, plus " [key @ gateway]" for a matrix cell */
  id: z.string(),
  path: z.string(),
  name: z.string(),
  method: z.string(),
  column: z.string().optional(),
  /** null: the request (or column) is new in this round */
  before: WatchStateSchema.nullable(),
  /** null: it is gone from the target */
  after: WatchStateSchema.nullable(),
  refusal: CellRefusalSchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type WatchChange = z.infer<typeof WatchChangeSchema>;

/** One round: `changes` is empty for the first (the baseline) and for a round where nothing moved. */
export const WatchRoundSchema = z.object({
  round: z.number().int().min(1),
  at: z.string(),
  /** requests (or cells) observed */
  total: z.number().int(),
  changes: z.array(WatchChangeSchema),
  /** the round could not run (a file broke, the environment went away): the next round tries again */
  error: ErrorInfoSchema.optional(),
});
export type WatchRound = z.infer<typeof WatchRoundSchema>;

const Names = z.array(z.string().min(1).max(100)).max(50);

export const WatchStartArgsSchema = z.object({
  dir: z.string().min(1),
  /** a request folder or file inside `dir` (default: the whole workspace) */
  target: z.string().min(1).optional(),
  /** watch the access matrix instead of the collection run */
  matrix: z.boolean().optional(),
  /** between the end of a round and the start of the next: 1 s to 7 days */
  everyMs: z.number().int().min(1000).max(7 * 24 * 3600 * 1000),
  env: z.string().min(1).optional(),
  /** collection mode: the key/gateway every request uses instead of its own */
  key: z.string().min(1).max(100).optional(),
  gateway: z.string().min(1).max(100).optional(),
  /** matrix mode: the columns (default every profile plus none/direct) */
  keys: Names.optional(),
  gateways: Names.optional(),
  allowUnsafe: z.boolean().optional(),
});

export const WatchInfoSchema = z.object({ watchId: z.string(), dir: z.string(), target: z.string().optional(), matrix: z.boolean(), everyMs: z.number().int(), rounds: z.number().int(), startedAt: z.string() });

export const watchContract = defineService({
  service: 'watch',
  methods: {
    /** starts watching; the first round runs at once and is the baseline */
    start: { channel: 'watch.start', args: WatchStartArgsSchema, result: z.object({ watchId: z.string() }) },
    /** stops a watch: a round in flight is aborted */
    stop: { channel: 'watch.stop', args: z.object({ watchId: z.string().min(1).max(100) }), result: z.object({ stopped: z.boolean() }) },
    /** the watches running in this backend (a reloaded window finds its watches again) */
    list: { channel: 'watch.list', args: z.object({}), result: z.object({ watches: z.array(WatchInfoSchema) }) },
  },
  events: {
    /** a round that changed something (never the baseline) */
    onChange: { channel: 'watch.onChange', payload: z.object({ watchId: z.string(), round: WatchRoundSchema }) },
    /** every round's end, changed or not, with its change count */
    onRound: { channel: 'watch.onRound', payload: z.object({ watchId: z.string(), round: z.number().int(), at: z.string(), total: z.number().int(), changes: z.number().int(), error: ErrorInfoSchema.optional() }) },
  },
});
