// Installs npm dependencies when they are missing or older than package-lock.json, so that a
// fresh clone works with only `npm test` / `npm start`. Uses node builtins only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from './paths.mjs';

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

export function ensureDeps() {
  const marker = path.join(rootDir, 'node_modules', '.package-lock.json');
  const lock = path.join(rootDir, 'package-lock.json');
  const installed = mtime(marker);
  const locked = mtime(lock);
  const missing = !fs.existsSync(path.join(rootDir, 'node_modules')) || installed === undefined;
  if (!missing && (locked === undefined || locked <= installed)) return;

  console.log(
    missing
      ? '[deps] node_modules is missing: running npm install'
      : '[deps] package-lock.json is newer than node_modules: running npm install',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    cwd: rootDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`npm install failed (exit code ${result.status ?? result.signal})`);
  }
  // npm may rewrite package-lock.json after node_modules/.package-lock.json: mark as fresh.
  if (fs.existsSync(marker)) {
    const now = new Date();
    fs.utimesSync(marker, now, now);
  }
}
