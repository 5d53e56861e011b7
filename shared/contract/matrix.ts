// The access matrix over the contract: every request × every key × gateway, the expected access
// file (access.yaml) and the drift between the two. The CLI's `matrix --json` prints MatrixSchema.
import { z } from 'zod';
import { CauseIdSchema, NamedBySchema, ProducerKindSchema } from '../explain/types';
import { parseColumnId } from './column-id';
import { defineService } from './define';

/** A cell's answer in one word: its status class, `error` (no response) or `skipped` (not sent). */
export const StatusClassSchema = z.enum(['1xx', '2xx', '3xx', '4xx', '5xx', 'error', 'skipped']);
export type StatusClass = z.infer<typeof StatusClassSchema>;

export { columnId, parseColumnId } from './column-id';

/** A column: one key profile through one gateway profile; `id` is "key @ gateway" ('none' = no key, 'direct' = no gateway). */
export const MatrixColumnSchema = z.object({ id: z.string(), key: z.string(), gateway: z.string() });
export type MatrixColumn = z.infer<typeof MatrixColumnSchema>;

/** A row: one request of the target (`path` is workspace-relative, or the folder path inside an import). */
export const MatrixRowSchema = z.object({ path: z.string(), name: z.string(), method: z.string() });
export type MatrixRow = z.infer<typeof MatrixRowSchema>;

/** Who refused and why, as the explainer says it (`reason` is one sentence). */
export const CellRefusalSchema = z.object({
  /** `namedBy` as the explainer says it (a guess when `host` or `vendor-mark`); absent in files written before it existed */
  producer: z.object({ id: z.string(), kind: ProducerKindSchema, name: z.string(), namedBy: NamedBySchema.optional() }).nullable(),
  cause: CauseIdSchema,
  reason: z.string(),
  /** the explainer's whole verdict, its fix and how sure it is: a cell explains itself without a new send */
  why: z.string().optional(),
  fix: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type CellRefusal = z.infer<typeof CellRefusalSchema>;

/** A refused cell's response in brief (headers and the body's start, secrets masked): shown without sending again. */
export const CellResponseSchema = z.object({
  statusText: z.string().optional(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.string(),
  /** the whole decoded body's size; `body` is its start */
  bodyBytes: z.number().int().nonnegative(),
});
export type CellResponse = z.infer<typeof CellResponseSchema>;

export const MatrixCellSchema = z.object({
  /** null: no response (an error) or not sent (skipped) */
  status: z.number().int().nullable(),
  statusClass: StatusClassSchema,
  /** the one refusal rule: a refusal status, or the explainer's verdict on a 2xx block page */
  refused: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** why the cell was not sent (an unsafe method without allowUnsafe, a stopped run) */
  skipped: z.string().optional(),
  refusal: CellRefusalSchema.optional(),
  /** a refusal's response in brief */
  response: CellResponseSchema.optional(),
  timeMs: z.number(),
});
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

export const MatrixSchema = z.object({
  collection: z.string(),
  target: z.string(),
  env: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  rows: z.array(MatrixRowSchema),
  columns: z.array(MatrixColumnSchema),
  /** cells[row][column] */
  cells: z.array(z.array(MatrixCellSchema)),
  /** the run was stopped: cells not sent are skipped with the reason "stopped" */
  stopped: z.boolean().optional(),
});
export type Matrix = z.infer<typeof MatrixSchema>;

/**
 * What access.yaml expects of a cell: `allow` (a 2xx/3xx that is no refusal), `deny` (a refusal),
 * a status class (`4xx`), an exact status (`404`) or `error` (no response).
 */
export const ExpectWordSchema = z.union([
  z.enum(['allow', 'deny', 'error']),
  z.string().regex(/^[1-5]xx$/, 'a status class such as 2xx or 4xx'),
  z.number().int().min(100).max(599),
]);
export type ExpectWord = z.infer<typeof ExpectWordSchema>;

/** One request's entry in access.yaml; a key that is no "key @ gateway" pair is named with its own path (its line). */
export const AccessRowSchema = z.record(z.string(), ExpectWordSchema).superRefine((row, ctx) => {
  for (const key of Object.keys(row)) {
    if (!parseColumnId(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'a column is "key @ gateway", e.g. "alice @ direct"' });
  }
});

/** Per request path, per "key @ gateway" column, the expected word. */
export const ExpectationSchema = z.record(z.string(), z.record(z.string(), ExpectWordSchema));
export type Expectation = z.infer<typeof ExpectationSchema>;

/** One cell that differs from access.yaml (`changed`) or that the file does not mention (`missing`). */
export const DriftSchema = z.object({
  kind: z.enum(['changed', 'missing']),
  path: z.string(),
  name: z.string(),
  column: z.string(),
  expected: ExpectWordSchema.optional(),
  observed: ExpectWordSchema,
  status: z.number().int().nullable(),
  refusal: CellRefusalSchema.optional(),
});
export type Drift = z.infer<typeof DriftSchema>;

export const ComparisonSchema = z.object({
  file: z.string(),
  /** cells compared (skipped cells are not) */
  checked: z.number().int(),
  drift: z.array(DriftSchema),
  /** entries of the file this matrix did not observe ("path" or "path [column]"): listed, never drift */
  stale: z.array(z.string()),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

const Names = z.array(z.string().min(1).max(100)).max(50);
/** Where the expectation lives: `file` (absolute, or relative to `dir`), default `<dir>/access.yaml`. */
const Where = { dir: z.string().min(1), file: z.string().min(1).optional() };

export const MatrixRunArgsSchema = z.object({
  ...Where,
  /** a request folder or file inside `dir` (default: the whole workspace) */
  target: z.string().min(1).optional(),
  keys: Names.optional(),
  gateways: Names.optional(),
  env: z.string().min(1).optional(),
  allowUnsafe: z.boolean().optional(),
  /** names this run for matrix.stop and its matrix.onCell events */
  runId: z.string().min(1).max(100),
});

export const matrixContract = defineService({
  service: 'matrix',
  methods: {
    /** runs the matrix (cells stream as matrix.onCell) and compares it with the expectation file when there is one */
    run: { channel: 'matrix.run', args: MatrixRunArgsSchema, result: z.object({ matrix: MatrixSchema, comparison: ComparisonSchema.nullable() }) },
    /** the expectation file as data (`exists: false` and no requests when there is none yet) */
    expectation: { channel: 'matrix.expectation', args: z.object(Where), result: z.object({ file: z.string(), exists: z.boolean(), requests: ExpectationSchema }) },
    /** writes an observed matrix as the new expectation (comments and words that still hold are kept) */
    update: { channel: 'matrix.update', args: z.object({ ...Where, matrix: MatrixSchema }), result: z.object({ file: z.string(), changed: z.number().int() }) },
    /** stops a run: the sends in flight are aborted, the cells not run come back skipped */
    stop: { channel: 'matrix.stop', args: z.object({ runId: z.string().min(1).max(100) }), result: z.object({ stopped: z.boolean() }) },
  },
  events: {
    onCell: { channel: 'matrix.onCell', payload: z.object({ runId: z.string(), row: z.number().int(), column: z.number().int(), cell: MatrixCellSchema }) },
  },
});
