// Installing Debian packages with apt-get, as root, at most once per package per process.
// Node builtins only: used by scripts/test.mjs before dependencies are installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** True when `file` is an executable regular file. */
export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The executable `name` found on PATH, or undefined. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** True when this process may install system packages: root, with apt-get on PATH. */
export function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && onPath('apt-get') !== undefined;
}

/** Runs `apt-get ARGS…` without a terminal; true when it succeeded. */
function runAptGet(args) {
  const result = spawnSync(
    'apt-get',
    // Wait for another apt/dpkg run to finish instead of failing on its lock.
    ['-o', 'DPkg::Lock::Timeout=600', ...args],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  return result.status === 0;
}

const attempted = new Set();

/**
 * `apt-get install -y PACKAGES`, running `apt-get update` and trying again when the first
 * attempt fails (an image without package lists). Packages already tried in this process are
 * not tried again. Returns true when apt-get installed the packages not tried before (false
 * when there were none): callers look for what they need afterwards either way.
 *
 * @param {string[]} packages
 * @param {{ run?: (args: string[]) => boolean, log?: (line: string) => void,
 *           attempted?: Set<string> }} [options] for tests: the apt-get runner, the logger
 *   and the set of packages already tried.
 */
export function aptInstall(packages, options = {}) {
  const run = options.run ?? runAptGet;
  const log = options.log ?? console.log;
  const tried = options.attempted ?? attempted;
  const todo = packages.filter((name) => !tried.has(name));
  if (todo.length === 0) return false;
  for (const name of todo) tried.add(name);
  log(`[system] installing ${todo.join(', ')} with apt-get`);
  if (run(['install', '-y', ...todo])) return true;
  log('[system] apt-get install failed: updating the package lists and trying again');
  return run(['update']) && run(['install', '-y', ...todo]);
}
