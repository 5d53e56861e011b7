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
  },
});
