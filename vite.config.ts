// Build, dev server, PWA and test projects in one place.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { bundledFlowsPlugin } from './src/cli/viteFlowsPlugin.ts';
import { kbBundlePlugin } from './src/cli/viteKbPlugin.ts';

/**
 * Modules the first load reaches through a barrel or the `t` namespace but whose code only lazy chunks use
 * (catalogue areas of the supervisor, the editor, first run and settings, file import, the flow and article
 * checkers' messages, the callbacks queue and call history, the knowledge base, the call screen's panels):
 * kept out of the first-load group below, or they would load with it.
 */
const LAZY_ONLY =
  /[\\/]src[\\/]i18n[\\/]ru[\\/](editor|supervisor|setup|files|flowIssues|kbIssues|callbacksQueue|callsSimulate|callPanels|kb|callbacks|account|sync|centreFlows|centreSupervision|handovers|lease|update)\.ts$/;
/**
 * The flows as a module, for the supervisor and the editor: the operator fetches the same flows as JSON
 * (issue 8), so the module gets a lazy chunk of its own.
 */
const isFlowsModule = (id: string) =>
  id === '\0virtual:sufler-bundled-flows' || /[\\/]src[\\/]services[\\/]bundledFlows\.ts$/.test(id);

// A build id lets the e2e suite serve two different builds and see the update prompt.
const buildId = process.env.SUFLER_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  publicDir: 'src/public',
  resolve: {
    // wouter and @xstate/react import the shim of useSyncExternalStore, for React before 18; React 19 has
    // the hook, and the shim only hands it on. The package's own entries for React ≥ 18 do the same
    // without the fallback: ~0.6 KB gzip off the first load.
    alias: [
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'use-sync-external-store' },
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector',
      },
    ],
  },
  define: {
    __SUFLER_BUILD__: JSON.stringify(buildId),
  },
  build: {
    outDir: process.env.SUFLER_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // Every browser the app supports (current Chromium, Firefox, Safari) knows modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the operator's first screen loads goes into one chunk: the automatic split cut it into
        // ten pieces shared with lazy chunks, and one gzip stream of it is ~7 KB smaller than ten (issue 8).
        codeSplitting: {
          groups: [
            {
              name: 'index',
              tags: ['$initial'],
              test: (id) => !LAZY_ONLY.test(id) && !isFlowsModule(id),
              includeDependenciesRecursively: false,
            },
            { name: 'bundled-flows', test: isFlowsModule },
          ],
        },
      },
    },
  },
  // Workers are bundled apart; the supervisor's replays flows too, so it needs the compiled flows.
  worker: { format: 'es', plugins: () => [bundledFlowsPlugin()] },
  plugins: [
    react(),
    kbBundlePlugin(),
    bundledFlowsPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg'],
      manifest: {
        name: 'Суфлёр — помощник оператора',
        short_name: 'Суфлёр',
        description: 'Подсказки оператору телефонной линии по стандарту клиентоцентричности',
        lang: 'ru',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f5f2',
        theme_color: '#37474f',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        navigateFallback: 'index.html',
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first service worker takes the open page at once, so it works offline from the first visit;
        // later versions still wait for the operator (no skipWaiting in prompt mode).
        clientsClaim: true,
      },
    }),
  ],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    // Vitest's default is one worker per core but one; on the two-core CI machine that is a single worker,
    // and the server files spend much of their time waiting on PostgreSQL: two workers take 343 s to 215 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/server/**', 'node_modules/**'],
        },
      },
      {
        // The server's tests: Node, a PGlite per test file (and PostgreSQL when TEST_DATABASE_URL is set).
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          setupFiles: ['test/helpers/domSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // Two files at once (each its own Chromium, server and database): 455 s to 330 s on two cores, and
          // a second browser under load is how the suite found races a quiet run hides.
          maxWorkers: 2,
        },
      },
    ],
  },
});
