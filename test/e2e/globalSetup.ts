// Before the e2e suite: make sure Chromium is there and build the app twice (two build ids),
// so one test can serve a "new version" and watch the update prompt.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../helpers/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    distA: string;
    distB: string;
    chromium: string;
  }
}

function build(buildId: string, outDir: string): void {
  execFileSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--logLevel', 'error'],
    {
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test; a build under it would be React's development build.
      env: { ...process.env, NODE_ENV: 'production', SUFLER_BUILD_ID: buildId, SUFLER_OUT_DIR: outDir },
    },
  );
}

export default function setup(project: TestProject): void {
  const chromium = ensureChromium();
  // Several people (or agents) building at once each give their own SUFLER_E2E_DIR.
  const base = resolve(process.env.SUFLER_E2E_DIR ?? 'node_modules/.cache/sufler-e2e');
  const distA = resolve(base, 'a');
  const distB = resolve(base, 'b');
  build('e2e-a', distA);
  build('e2e-b', distB);
  project.provide('distA', distA);
  project.provide('distB', distB);
  project.provide('chromium', chromium);
}
