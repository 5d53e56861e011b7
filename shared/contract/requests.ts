import { z } from 'zod';
import { RequestSpecSchema } from '../model/request';
import { SendOptionsSchema } from '../model/send-options';
import { ResponseRecordSchema } from '../model/response-record';
import { TimelineEventSchema } from '../model/timeline-event';
import { defineService } from './define';

export const SendArgsSchema = z.object({
  request: RequestSpecSchema,
  options: SendOptionsSchema.partial().optional(),
  /** Lets the caller cancel this send with requests.cancel. */
  sendId: z.string().max(100).optional(),
  /** The workspace folder whose keys/ and gateways/ hold the profiles named below (needed with key/gateway). */
  dir: z.string().min(1).optional(),
  /** A key profile of `dir` to send with (`none` = no key). */
  key: z.string().min(1).max(100).optional(),
  /** A gateway profile of `dir` to send through (`direct`/`none` = straight to the URL). */
  gateway: z.string().min(1).max(100).optional(),
});

export const requestsContract = defineService({
  service: 'requests',
  methods: {
    send: { channel: 'requests.send', args: SendArgsSchema, result: ResponseRecordSchema },
    cancel: {
      channel: 'requests.cancel',
      args: z.object({ sendId: z.string().max(100) }),
      result: z.object({ cancelled: z.boolean() }),
    },
    /** Pages through a body the engine streamed to disk; only files the engine wrote are readable. */
    readBody: {
      channel: 'requests.readBody',
      args: z.object({
        path: z.string(),
        offset: z.number().int().nonnegative().default(0),
        length: z.number().int().positive().max(4 * 1024 * 1024).default(256 * 1024),
      }),
      result: z.object({ data: z.string(), encoding: z.enum(['utf8', 'base64']), total: z.number().int(), eof: z.boolean() }),
    },
  },
  events: {
    /** Every timeline event of a send while it is in flight (the window shows a slow call's progress). */
    onTimeline: { channel: 'requests.onTimeline', payload: z.object({ sendId: z.string(), event: TimelineEventSchema }) },
  },
});
