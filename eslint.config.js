// Lint enforces where code runs (README.md, Architecture): shared/ is pure, renderer/ has no Node,
// only electron/main and electron/preload may import 'electron', only the engine talks undici.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

const NODE_ONLY = ['undici', '@napi-rs/keyring', 'commander', 'yaml'];

export default defineConfig(
  globalIgnores(['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**']),
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/files': [{ category: 'tooling', pattern: ['*.config.ts', 'scripts/**', 'bench/**'] }],
      // First match wins: test/ first, so test/unit/shared/** is a test, not shared/.
      'boundaries/elements': [
        { type: 'test', pattern: 'test' },
        { type: 'electron-main', pattern: 'electron/main' },
        { type: 'electron-preload', pattern: 'electron/preload' },
        { type: 'electron-engine', pattern: 'electron/engine' },
        { type: 'electron-node', pattern: 'electron/*', capture: ['area'] },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'shared', pattern: 'shared' },
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': ['error', {
        default: 'allow',
        checkAllOrigins: true,
        policies: [
          { from: { element: { type: 'shared' } },
            disallow: { to: [{ module: { origin: 'core' } }, { module: { source: 'electron' } }, { module: { source: 'react' } }, { module: { source: 'react-dom' } },
              ...NODE_ONLY.map((source) => ({ module: { source } })),
              { element: { type: '{electron-main,electron-preload,electron-engine,electron-node,renderer,test}' } }] },
            message: 'shared/ is pure TypeScript: no Node, DOM, React, electron or imports of other layers' },
          { from: { element: { type: 'renderer' } },
            disallow: { to: [{ module: { origin: 'core' } }, ...NODE_ONLY.map((source) => ({ module: { source } })),
              { element: { type: '{electron-main,electron-preload,electron-engine,electron-node,test}' } }] },
            message: 'renderer/ runs in a browser: no Node modules, and it reaches the backend only through its platform client' },
          { from: { element: { type: '{electron-main,electron-preload,electron-engine,electron-node,shared}' } },
            disallow: { to: { element: { type: '{renderer,test}' } } },
            message: 'source code never imports renderer/ or test/' },
          { from: { element: { type: '!{electron-engine,test}' } },
            disallow: { to: { module: { source: 'undici' } } },
            message: 'only electron/engine talks to undici: one send path' },
          { from: [{ element: { type: '!{electron-main,electron-preload,test}' } }, { file: { categories: 'tooling' } }],
            disallow: { to: { module: { source: 'electron' } } },
            message: "only electron/main and electron/preload may import 'electron' (tests may, to mock it: the one seam)" },
        ],
      }],
    },
  },
);
