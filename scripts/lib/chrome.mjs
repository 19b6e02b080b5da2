// Locating (and, as root on Debian, installing) Chromium for the browser tests.
// Uses node builtins only: imported by scripts/test.mjs and web-test-runner.config.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** CHROME_PATH if set, else a system Chromium/Chrome; undefined when none is found. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find(isExecutable) ?? PATH_NAMES.map(onPath).find(Boolean);
}

/**
 * findChrome(), and if nothing is found while running as root on a machine with apt-get,
 * installs Debian's `chromium` package first. Returns the path or undefined.
 */
export function ensureChrome() {
  const found = findChrome();
  if (found || process.env.CHROME_PATH) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) return undefined;
  console.log('[chrome] Chromium not found: installing Debian package "chromium" with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update']) || !run(['install', '-y', 'chromium'])) {
    console.log('[chrome] apt-get install chromium failed');
  }
  return findChrome();
}

/** Flags needed to run Chromium headless as root in a container. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
