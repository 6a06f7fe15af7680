// Finds Debian's Chromium for the e2e suite and the bench; installs it with apt when we are root
// on a machine that has apt, and otherwise stops with the exact command to run. Never downloads a browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const INSTALL =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function ensureChromium(): string {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's Chromium and run the tests again:\n  sudo sh -c '${INSTALL}'\n` +
        `or point CHROMIUM_PATH at a Chromium binary.`,
    );
  }
  console.warn(`Chromium not found at ${path}: installing Debian's chromium with apt-get (about 30 s)…`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit' });
  if (!existsSync(path)) throw new Error(`apt-get finished but ${path} is still missing.`);
  return path;
}
