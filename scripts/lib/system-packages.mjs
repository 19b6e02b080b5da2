// System packages the test suites need, checked (and installed) once at the start of a run:
// - Chromium: the browser suite, the Storybook smoke test, and the packaging test of the node
//   suite, which renders the packed workspace in a browser;
// - PostgreSQL: server tests of the node suite start a throwaway cluster with its initdb.
// Missing ones are installed with apt-get in one go when running as root on Debian; otherwise
// (or when that fails) one line per package says what is missing and how to provide it.
// Node builtins only: used by scripts/test.mjs before npm dependencies are installed.
import fs from 'node:fs';
import path from 'node:path';
import { aptInstall, canApt, isExecutable } from './apt.mjs';
import { chromeMissingReason, findChrome } from './chrome.mjs';

/** Where Debian's postgresql packages put their server binaries: <root>/<version>/bin. */
export const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The bin directory of the newest PostgreSQL under `root` that has initdb, or undefined. */
export function findPostgresBin(root = POSTGRES_ROOT) {
  let versions;
  try {
    versions = fs.readdirSync(root);
  } catch {
    return undefined;
  }
  const usable = versions
    .filter((version) => isExecutable(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return usable.length > 0 ? path.join(root, usable[0], 'bin') : undefined;
}

/**
 * Makes sure the system packages in `needs` are present, installing the missing ones with a
 * single apt-get run when possible (see aptInstall: at most once per package per process).
 * Returns what was found afterwards: `chrome` (an executable) and `postgresBin` (a directory),
 * each undefined when missing or not asked for.
 *
 * @param {{ chromium?: boolean, postgresql?: boolean }} needs
 * @param {{ env?: Record<string, string | undefined>, canApt?: boolean,
 *           aptInstall?: (packages: string[]) => boolean, findChrome?: () => string | undefined,
 *           findPostgresBin?: () => string | undefined, log?: (line: string) => void }} [options]
 *   for tests: the environment, whether apt-get may be used, the installer, the lookups and
 *   the logger.
 * @returns {{ chrome?: string, postgresBin?: string }}
 */
export function ensureSystemPackages(needs, options = {}) {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const install = options.aptInstall ?? ((packages) => aptInstall(packages, { log }));
  const lookChrome = options.findChrome ?? findChrome;
  const lookPostgres = options.findPostgresBin ?? (() => findPostgresBin());
  const aptAllowed = options.canApt ?? canApt();

  const missing = [];
  // A CHROME_PATH that points nowhere is the user's choice to fix, not a reason to install.
  if (needs.chromium && !env.CHROME_PATH && !lookChrome()) missing.push('chromium');
  if (needs.postgresql && !lookPostgres()) missing.push('postgresql');
  if (missing.length > 0 && aptAllowed) {
    log(`[system] missing: ${missing.join(', ')}`);
    install(missing);
  }

  const found = {};
  const howTo = aptAllowed ? '' : ' (installing needs root and apt-get)';
  if (needs.chromium) {
    found.chrome = lookChrome();
    if (found.chrome) {
      if (missing.includes('chromium')) log(`[system] Chromium installed: ${found.chrome}`);
    } else {
      log(
        `[system] Chromium: ${chromeMissingReason(env)} Tests that need a browser cannot run${howTo}.`,
      );
    }
  }
  if (needs.postgresql) {
    found.postgresBin = lookPostgres();
    if (found.postgresBin) {
      if (missing.includes('postgresql'))
        log(`[system] PostgreSQL installed: ${found.postgresBin}`);
    } else {
      log(
        `[system] PostgreSQL: not installed (no ${POSTGRES_ROOT}/*/bin/initdb): install it ` +
          `(Debian: apt-get install -y postgresql). Tests that need a PostgreSQL server cannot ` +
          `run${howTo}.`,
      );
    }
  }
  return found;
}
