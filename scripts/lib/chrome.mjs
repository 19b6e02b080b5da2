// Locating (and, as root on Debian, installing) Chromium for the browser tests.
// Uses node builtins only: imported by scripts/test.mjs and web-test-runner.config.mjs.
import { aptInstall, canApt, isExecutable, onPath } from './apt.mjs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROME_PATH if set, else a system Chromium/Chrome; undefined when none is found. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find(isExecutable) ?? PATH_NAMES.map(onPath).find(Boolean);
}

/**
 * findChrome(), and if nothing is found (and CHROME_PATH is not set) while running as root on a
 * machine with apt-get, installs Debian's `chromium` package first (once per process). Returns
 * the path or undefined.
 */
export function ensureChrome() {
  const found = findChrome();
  if (found || process.env.CHROME_PATH || !canApt()) return found;
  console.log('[chrome] Chromium not found');
  aptInstall(['chromium']);
  return findChrome();
}

/** Why no browser was found and what to do about it (one line). */
export function chromeMissingReason(env = process.env) {
  return env.CHROME_PATH
    ? `CHROME_PATH=${env.CHROME_PATH} is not an executable file: set CHROME_PATH to a ` +
        'Chrome/Chromium executable.'
    : `no Chromium or Chrome found (looked at CHROME_PATH, ${CANDIDATES.join(', ')} and ` +
        `${PATH_NAMES.join(', ')} on PATH): install Chromium (Debian: apt-get install -y ` +
        'chromium) or set CHROME_PATH to a Chrome/Chromium executable.';
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
  // Lets testForLeaks (packages/elements/src/test) collect garbage and prove removed elements go.
  '--js-flags=--expose-gc',
];
