// One flat config with type-checked rules. Architectural boundaries are enforced here:
// pure domain modules never reach React, Dexie, the DOM or the clock; only src/db imports Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureModules = ['src/flows/**', 'src/calls/**', 'src/kb/**', 'src/analytics/**', 'src/protocol/**'];

// The PWA talks to the server over HTTP in src/protocol's terms; it never imports server code.
const clientNeverImportsServer = {
  group: ['**/server', '**/server/**'],
  message: 'The PWA never imports server code; share types through src/protocol.',
};

// Code outside src/db enters storage through its public entries only: db/index.ts (the shell, services and
// the operator's first screen) and one per lazy audience (records.ts: what follows a call's greeting;
// editor.ts; supervisor.ts; exchange.ts: exchange files and their zod checker, loaded on demand; sync.ts: the
// outbox of calls going up, read by the sync client). A lazy audience's repositories re-exported from the
// index would ride into the operator's first load, since the first-load chunk takes every module the entry
// reaches.
const DB_ENTRIES = ['index', 'records', 'editor', 'supervisor', 'exchange', 'sync', 'kb', 'centre'];
const dbEntriesOnly = (prefix) => ({
  group: [`${prefix}db/*`, ...DB_ENTRIES.flatMap((e) => [`!${prefix}db/${e}`, `!${prefix}db/${e}.ts`])],
  message: `Import storage through src/db's public entries (${DB_ENTRIES.map((e) => `db/${e}.ts`).join(', ')}).`,
});

// Pure modules take an injected Clock and Scheduler (src/calls/clock.ts, scheduler.ts): they neither read
// the time nor arm a real timer, so no real clock can be defined there; the app's real ones are in
// src/services/clock.ts, which pure modules cannot import (services/ is outside them).
const noClock = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Domain code takes an injected clock; do not read Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Domain code takes an injected clock; do not call new Date() without an argument.',
  },
  {
    selector: "CallExpression[callee.name='Date']",
    message: 'Domain code takes an injected clock; Date() reads the wall clock.',
  },
];
const noTimers = [
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'requestIdleCallback',
  'performance',
].map((name) => ({
  name,
  message: 'Domain code takes an injected Scheduler/Clock; the real ones are src/services/clock.ts.',
}));

/** The supervisor and the editor take the clock from context (src/services/ClockContext.tsx). */
const clockInjected = ['supervisor', 'editor'];
const noWallClock = noClock.map(({ selector }) => ({
  selector,
  message: 'Workspaces take the clock from context (useClock); do not read the wall clock.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'node_modules/**', 'coverage/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [
      '**/*.tsx',
      'src/app/**/*.ts',
      'src/services/**/*.ts',
      'src/operator/**/*.ts',
      'src/supervisor/**/*.ts',
      'src/editor/**/*.ts',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/db/**', 'src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*'], message: 'Only src/db imports Dexie; use a repository.' },
            dbEntriesOnly('**/'),
            clientNeverImportsServer,
          ],
        },
      ],
    },
  },
  {
    files: pureModules,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@xstate/react', 'wouter'],
              message: 'Pure domain modules know no React.',
            },
            { group: ['dexie', 'dexie-*', 'fake-indexeddb'], message: 'Only src/db imports Dexie.' },
            {
              group: [
                '**/db',
                '**/db/**',
                '**/app/**',
                '**/services/**',
                '**/i18n',
                '**/i18n/**',
                '**/ui/**',
                '**/operator/**',
                '**/supervisor/**',
                '**/editor/**',
              ],
              message: 'Pure domain modules import only other pure modules.',
            },
            clientNeverImportsServer,
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noClock],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'navigator',
        ...noTimers,
      ],
    },
  },
  ...['operator', 'supervisor', 'editor'].map((workspace) => ({
    // A workspace never imports another workspace nor the shell: what they share lives in services/.
    files: [`src/${workspace}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*'], message: 'Only src/db imports Dexie; use a repository.' },
            dbEntriesOnly('**/'),
            {
              group: ['operator', 'supervisor', 'editor', 'app']
                .filter((other) => other !== workspace)
                .flatMap((other) => [`**/${other}`, `**/${other}/**`]),
              message: 'A workspace imports no other workspace and not the shell; share through services/.',
            },
            ...(clockInjected.includes(workspace)
              ? [
                  {
                    group: ['**/clock'],
                    importNames: ['systemClock'],
                    message: 'Workspaces take the clock from context (useClock), not systemClock.',
                  },
                ]
              : []),
          ],
        },
      ],
      ...(clockInjected.includes(workspace) ? { 'no-restricted-syntax': ['error', ...noWallClock] } : {}),
    },
  })),
  {
    // Services are shared by every workspace: they import none of them.
    files: ['src/services/**', 'src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*'], message: 'Only src/db imports Dexie; use a repository.' },
            dbEntriesOnly('**/'),
            {
              group: ['**/operator/**', '**/supervisor/**', '**/editor/**', '**/app/**'],
              message: 'Shared code imports no workspace and not the shell.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server never imports React, Dexie or the app's code; it shares the API vocabulary (src/protocol)
    // and the pure domain modules. The sample organisations are plain data the seed reuses.
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                '@xstate/react',
                'wouter',
                'dexie',
                'dexie-*',
                'fake-indexeddb',
              ],
              message: 'The server knows no React and no Dexie.',
            },
            {
              group: ['**/db', '**/db/**', '**/ui/**', '**/operator/**', '**/supervisor/**', '**/editor/**'],
              message: 'The server imports only src/protocol and the pure domain modules.',
            },
            {
              // src/server/app.ts is the server's own; src/app is reached as ../app/… or ../../app….
              group: ['**/services', '**/services/**', '../app/**', '../../app', '../../app/**'],
              message: 'The server imports only src/protocol and the pure domain modules (samples included).',
            },
            {
              // The catalogue, except the server's own strings and the flow checker's words (it says them
              // when it refuses a published flow, as flows:check does).
              regex: '(^|/)i18n(/(?!ru/(server|flowIssues)$).*)?$',
              message: 'The server reads only its own strings and the flow checker’s from the catalogue.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*', '**/db', '**/db/**'], message: 'UI components know no database.' },
            { group: ['xstate', '@xstate/*'], message: 'UI components know no machine.' },
            clientNeverImportsServer,
          ],
        },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, objectContaining) are typed `any`, and spying on methods
    // passes them unbound; both are fine in tests.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests use storage as the app does; the storage tests and the storage bench reach its modules.
    files: ['test/**'],
    ignores: ['test/db/**', 'test/bench/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dbEntriesOnly('**/src/')] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
