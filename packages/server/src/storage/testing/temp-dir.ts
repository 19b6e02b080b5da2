/** Test support: a fresh temporary directory for a database, removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary directory and the function that removes it with everything in it. */
export interface TempDir {
  path: string;
  remove(): void;
}

/** Creates a directory under the system's temporary directory. */
export function createTempDir(prefix = 'live-chat-sqlite-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { path: dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
