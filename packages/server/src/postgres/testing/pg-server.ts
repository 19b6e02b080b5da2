/**
 * Test support: a private PostgreSQL server in a temporary directory, on a free port of
 * 127.0.0.1, started with the machine's `initdb` / `pg_ctl` and stopped (and removed) afterwards.
 * It never touches a cluster it did not start. As root the server tools run as the `postgres`
 * user (`initdb` refuses root). `PG_BIN` names the directory of the tools when they are
 * elsewhere than `/usr/lib/postgresql/<version>/bin` or `PATH`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';

/** A running test server. */
export interface TestPostgres {
  /** `postgres://app@127.0.0.1:PORT/postgres`: the maintenance database. */
  readonly url: string;
  readonly port: number;
  /** A URL of database `name` on this server. */
  urlOf(name: string): string;
  /** Creates a new empty database and answers its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Drops a database (closing its connections). */
  dropDatabase(name: string): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** The directory holding `initdb` and `pg_ctl`, or `undefined` when there is none. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(root, version, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
  );
}

/**
 * Why PostgreSQL cannot run here (one line for a skipped test), or `undefined` when it can:
 * the tools are there and, as root, the `postgres` user exists to run them.
 */
export function postgresUnavailable(): string | undefined {
  if (!findPostgresBin()) {
    return 'PostgreSQL tests skipped: no initdb/pg_ctl (install postgresql, or set PG_BIN).';
  }
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'PostgreSQL tests skipped: running as root and there is no "postgres" user.';
    }
  }
  return undefined;
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let databases = 0;

/** Starts a private server (see the module comment). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailable());
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const file = path.join(bin, tool);
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    execFileSync(command, argv, { stdio: 'pipe', timeout: 60_000 });
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  let port = 0;
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '-E', 'UTF8', '--no-sync']);
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', [
          '-D',
          data,
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
          '-l',
          path.join(dir, 'log'),
          '-w',
          'start',
        ]);
        break;
      } catch (error) {
        // Another process may have taken the port in between: try another one.
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = path.join(dir, 'log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    remove();
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${tail}`);
  }

  const urlOf = (name: string) => `postgres://app@127.0.0.1:${port}/${name}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlOf('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  return {
    url: urlOf('postgres'),
    port,
    urlOf,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      await admin((client) => client.query(`CREATE DATABASE "${name}"`));
      return urlOf(name);
    },
    async dropDatabase(name) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        remove();
      }
    },
  };
}

/**
 * A `describe` block whose tests share one private server: started before them, stopped after
 * them. Where PostgreSQL cannot run, the block is skipped and the reason printed. `body` gets
 * the running server through `server()` (call it inside the tests).
 */
export function describeWithPostgres(
  name: string,
  body: (server: () => TestPostgres) => void,
): void {
  const skip = postgresUnavailable();
  if (skip) console.log(skip);
  describe(name, { skip }, () => {
    let running: TestPostgres | undefined;
    before(async () => {
      running = await startTestPostgres();
    });
    after(async () => {
      await running?.stop();
    });
    body(() => {
      if (!running) throw new Error('The test PostgreSQL server is not running.');
      return running;
    });
  });
}
