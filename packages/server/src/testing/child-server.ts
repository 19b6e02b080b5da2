/**
 * Test support: runs `server-main.ts` (the server on SQLite or PostgreSQL) as a child process,
 * so a test can kill it hard (`SIGKILL`, as a crash would) and start it again on the same port
 * and database, or run several instances on one PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, 'server-main.ts');

/** A running server process. */
export interface ChildServer {
  port: number;
  url: string;
  wsUrl: string;
  pid: number;
  /** Everything the process printed. */
  output(): string;
  /** Kills it with SIGKILL (no shutdown of any kind) and waits for it to be gone. */
  crash(): Promise<void>;
  /** SIGTERM (a graceful shutdown), then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Where the server process keeps its data: a SQLite data directory, or a PostgreSQL database. */
export type ChildServerDatabase = { dataDir: string } | { databaseUrl: string };

/** Options of {@link startChildServer}. */
export type ChildServerOptions = ChildServerDatabase & {
  secret: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra arguments of the entry script (e.g. `--no-rate-limit`). */
  args?: string[];
  /** How long it may take to come up (default 30 s). */
  timeoutMs?: number;
};

/** Starts the server process and resolves once it printed its port. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=@live-chat/source',
      '--import',
      'tsx',
      entry,
      '--secret',
      options.secret,
      '--port',
      String(options.port ?? 0),
      ...('databaseUrl' in options
        ? ['--database-url', options.databaseUrl]
        : ['--data-dir', options.dataDir]),
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!/READY port=(\d+)/.test(output)) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`The server process did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const port = Number(/READY port=(\d+)/.exec(output)![1]);
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    pid: child.pid!,
    output: () => output,
    async crash() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `POST /test/customer-writes` of the server process: a customer writes; resolves the ids. */
export async function customerWritesOver(
  url: string,
  body: { customer?: number; text: string; clientMessageId?: string; liveChatId?: string },
): Promise<{ sessionId: string; messageId: string; at: number }> {
  const response = await fetch(`${url}/test/customer-writes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`customer-writes answered ${response.status}`);
  return (await response.json()) as { sessionId: string; messageId: string; at: number };
}
