import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { anchorTable } from './shared/explain/anchor-table';
import { blockGateData } from './shared/explain/may-block';

// The explainer's index conditions and the success-response gate, made from the registry being
// bundled (shared/explain/anchor-table.ts, may-block.ts blockGateData, read by light-gate.ts).
export const define = {
  __CLEARANCE_ANCHOR_TABLE__: JSON.stringify(JSON.stringify(anchorTable())),
  __CLEARANCE_BLOCK_GATE__: JSON.stringify(JSON.stringify(blockGateData())),
};

// Every entry is named: the defaults look in src/, which this layout does not use.
export default defineConfig({
  main: {
    define,
    build: {
      // Bundled, not resolved file by file at start-up: the ESM loader's cost per file dominates a one-shot CLI.
      externalizeDeps: { exclude: ['undici', 'zod', 'commander', 'yaml'] },
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), cli: resolve('electron/cli/run.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot load ESM or node_modules: inline zod and the contract, emit CJS.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    define,
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the first paint parses half as much.
      // Monaco and the heavy views are split by their dynamic imports (ui/code-editor.tsx, lazyView).
      minify: true,
      // rolldownOptions, not rollupOptions: electron-vite overwrites the latter with its defaults.
      rolldownOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          codeSplitting: {
            // zod and the module that makes it jitless share one chunk, so no chunk can build or parse
            // a schema before jitless is set (zod's eval probe is a CSP violation).
            groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|renderer[\\/]src[\\/]lib[\\/]zod-jitless/ }],
          },
        },
      },
    },
  },
});
