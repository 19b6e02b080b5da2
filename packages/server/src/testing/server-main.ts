/**
 * Test support: the live chat server as a process of its own, on SQLite (a data directory) or
 * on PostgreSQL (a database URL), for tests that kill it (`kill -9`) and start it again, or run
 * several instances of it on one database.
 *
 *   node --conditions=@live-chat/source --import tsx server-main.ts \
 *     --secret S --port 0 (--data-dir DIR | --database-url postgres://…)
 *
 * Prints `READY port=N` once it listens. A new database gets the seed directory (no history).
 * Besides the server's own routes it serves, for tests only (never in production):
 * - `POST /test/customer-writes {customer, text, clientMessageId?, liveChatId?}`: customer
 *   number `customer` (of those writing through Telegram) writes through the backend's
 *   customer-write path; answers `{sessionId, messageId, at}`;
 * - `GET /test/memory`: `process.memoryUsage()` of this process.
 *
 * `--no-rate-limit` (the benchmark) lifts the request rate limit and allows 1,000 sockets per user.
 * SIGTERM / SIGINT close the server and the database.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSeedData, SEED_LIVE_CHATS } from '@live-chat/adapters';
import type { Result } from '@live-chat/core';
import type { CustomerMessageInput, CustomerWriteValue } from '@live-chat/core/engine';
import type { Awaitable } from '../backend.js';
import { createPostgresBackend } from '../postgres/backend.js';
import { createLiveChatServer } from '../server.js';
import { createSqliteBackend } from '../storage/backend.js';
import type { ServableBackend } from './harness.js';
import { telegramCustomers } from './seed-customers.js';

/** What this process needs of its backend, SQLite or PostgreSQL. */
type ProcessBackend = ServableBackend & {
  customerWrites(input: CustomerMessageInput): Awaitable<Result<CustomerWriteValue>>;
};

function argument(name: string, fallback?: string): string {
  const value = optionalArgument(name) ?? fallback;
  if (value === undefined) throw new Error(`Missing --${name}.`);
  return value;
}

function optionalArgument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('Body too large.');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The backend `--database-url` or `--data-dir` names. */
async function openBackend(): Promise<ProcessBackend> {
  const seed = () => createSeedData({ history: false });
  const url = optionalArgument('database-url');
  if (url !== undefined) return createPostgresBackend({ url, seed, pruneIntervalMs: 0 });
  return createSqliteBackend({ dataDir: argument('data-dir'), seed, pruneIntervalMs: 0 });
}

async function main(): Promise<void> {
  const backend = await openBackend();
  // The seed's customers: a database this process opens again holds the same ones.
  const customers = telegramCustomers(createSeedData({ history: false }));
  const server = await createLiveChatServer({
    backend,
    auth: { secret: argument('secret') },
    host: '127.0.0.1',
    port: Number(argument('port', '0')),
    logger: false,
    limits: {
      maxSocketsPerUser: 20,
      // For the benchmark: many sockets per user, no request rate limit.
      ...(process.argv.includes('--no-rate-limit')
        ? { requestsPerSecond: 1_000_000, requestBurst: 1_000_000, maxSocketsPerUser: 1_000 }
        : {}),
    },
    handlers: [
      async (request, response, path) => {
        if (path === '/test/memory' && request.method === 'GET') {
          answer(response, 200, process.memoryUsage());
          return true;
        }
        if (path !== '/test/customer-writes' || request.method !== 'POST') return false;
        const body = await readJson(request);
        const customer = customers[Number(body.customer ?? 0) % customers.length]!;
        const result = await backend.customerWrites({
          customerId: customer.id,
          liveChatId:
            typeof body.liveChatId === 'string' ? body.liveChatId : SEED_LIVE_CHATS.support,
          channel: 'telegram',
          text: String(body.text),
          ...(typeof body.clientMessageId === 'string'
            ? { clientMessageId: body.clientMessageId }
            : {}),
        });
        if (!result.ok) answer(response, 400, result.error);
        else
          answer(response, 200, {
            sessionId: result.value.session.id,
            messageId: result.value.message.id,
            at: Date.now(),
          });
        return true;
      },
    ],
  });
  const stop = () => {
    void server.close().then(() => backend.dispose());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`READY port=${server.port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
