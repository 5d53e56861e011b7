import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Every entry is named: the defaults look in src/, which this layout does not use.
export default defineConfig({
  main: {
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
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
