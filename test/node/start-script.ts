// Test support: runs scripts/start.mjs (what `npm start` runs) as a child process on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A running start script. */
export interface StartedScript {
  /** The demo page, e.g. `http://127.0.0.1:40000/demo/`. */
  pageUrl: string;
  /** The live chat server's WebSocket URL. */
  wsUrl: string;
  /** The live chat server's HTTP base URL. */
  serverUrl: string;
  /** URL of a demo API path (`config`, `simulator`, `customer/messages`). */
  apiUrl(apiPath: string): string;
  /** A development token for `userId` (`POST /dev/token`). */
  token(userId: string): Promise<string>;
  /** Everything the script printed so far. */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** Polls `check` every 20 ms until it is true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts `node scripts/start.mjs --port 0 --no-watch --data-dir DIR …` and waits until it serves. */
export async function startScript(options: {
  dataDir: string;
  args?: string[];
  timeoutMs?: number;
}): Promise<StartedScript> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(rootDir, 'scripts/start.mjs'),
      '--port',
      '0',
      '--no-watch',
      '--data-dir',
      options.dataDir,
      ...(options.args ?? []),
    ],
    { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const inPage = options.args?.includes('--in-page') ?? false;
  // Up once it printed the page and what serves it (each line may come in a chunk of its own).
  const ready = () =>
    /demo: (http:\S+)/.test(output) &&
    (inPage ? /In-page mode/.test(output) : /Live chat server: (ws:\S+)/.test(output));
  while (!ready()) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The start script did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pageUrl = /demo: (http:\S+)/.exec(output)![1]!;
  const wsUrl = inPage ? '' : /Live chat server: (ws:\S+)/.exec(output)![1]!;
  const serverUrl = wsUrl.replace(/^ws/, 'http').replace(/\/ws$/, '');
  const pageOrigin = new URL(pageUrl).origin;

  return {
    pageUrl,
    wsUrl,
    serverUrl,
    apiUrl: (apiPath) => `${pageOrigin}/demo-api/${apiPath}`,
    async token(userId) {
      const response = await fetch(`${serverUrl}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, ttlSec: 600 }),
      });
      if (!response.ok) throw new Error(`/dev/token answered ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    output: () => output,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
