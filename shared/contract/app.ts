import { z } from 'zod';
import { APP_ACTIONS, type AppActionId } from './app-actions';
import { defineService } from './define';

export const AppActionIdSchema = z.enum(APP_ACTIONS.map((a) => a.id) as [AppActionId, ...AppActionId[]]);

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
    /** a native file picker (a multipart part's or a binary body's file); `{path: null}` when cancelled or in serve mode */
    pickFile: {
      channel: 'app.pickFile',
      args: z.object({ title: z.string().max(200).optional() }).default({}),
      result: z.object({ path: z.string().nullable() }),
    },
    /**
     * Starts the local demo API in the backend (once: a later call reuses the running server) and
     * (re)writes the demo workspace pointed at it, under the data folder.
     */
    startDemo: {
      channel: 'app.startDemo',
      args: z.object({}).default({}),
      result: z.object({
        /** the demo workspace folder, to open */
        root: z.string(),
        /** the demo server's base URL (http://127.0.0.1:<port>) */
        url: z.string(),
        /** the environment whose `base` points at it */
        env: z.string(),
        /** workspace-relative request paths in tree order; the first is the one to open */
        requests: z.array(z.string()).min(1),
      }),
    },
  },
  events: {
    /** an item of the desktop app's native menu was chosen: the window runs that action */
    onMenuAction: { channel: 'app.onMenuAction', payload: z.object({ action: AppActionIdSchema }) },
  },
});
