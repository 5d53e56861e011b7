import { z } from 'zod';
import { defineService } from './define';

export const appContract = defineService({
  service: 'app',
  methods: {
    info: {
      channel: 'app.info',
      args: z.object({}).default({}),
      result: z.object({ version: z.string(), transport: z.enum(['ipc', 'http']), platform: z.string() }),
    },
    /** a native folder picker; `{path: null}` when cancelled or when there is none (serve mode: the UI asks for a path) */
    pickFolder: {
      channel: 'app.pickFolder',
      args: z.object({ title: z.string().max(200).optional() }).default({}),
      result: z.object({ path: z.string().nullable() }),
    },
  },
});
