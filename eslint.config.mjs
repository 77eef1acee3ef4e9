// `npm run lint` (run by `npm test` before the suites). typescript-eslint's recommended rules
// without type information (a type-aware lint would build the program tsc already builds, and
// take as long), and the architecture as rules: no import cycles, and the engine imports no
// front end (lsp/, cli/, report/, client/) and no editor or protocol package (ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/** Node's globals for the CommonJS build and test scripts (bin/, scripts/*.js). */
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'URL',
    'TextDecoder',
    'TextEncoder',
    'AbortController',
    'fetch',
    'performance',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test/fixtures/', '.vscode-test/', 'examples/', 'packaging/', 'media/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { start: _s, end: _e, ...rest } = token` is how this code base leaves fields out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports are relative and extensionless ('./corpus'): Node's resolution with .ts first.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
      // The modules imported are read (for their own imports) with the TypeScript parser.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // Cycles between the project's own modules (packages are not followed).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/src/engine',
              from: ['./server/src/lsp', './server/src/cli', './server/src/report', './client'],
              message: 'The engine is protocol-free: front ends import it, never the reverse (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
              message: 'The engine never imports vscode or an LSP package (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
);
