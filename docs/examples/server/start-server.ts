import { createMemoryBackend, createSeedData } from '@live-chat/adapters';
import { createLiveChatServer, type LiveChatServer } from '@live-chat/server';

/** Where to listen and how to verify tokens; read from the environment in `main()` below. */
export interface StartOptions {
  port: number;
  host: string;
  /** The HS256 secret your portal signs tokens with (at least 32 bytes). */
  secret: string;
  /** Serve `POST /dev/token` (development only). */
  dev?: boolean;
}

/** The server on the in-memory backend with the demo directory. */
export async function startServer(options: StartOptions): Promise<LiveChatServer> {
  const backend = createMemoryBackend({ seed: createSeedData() });
  const server = await createLiveChatServer({
    backend,
    auth: { secret: options.secret },
    host: options.host,
    port: options.port,
    dev: options.dev,
    limits: { maxSocketsPerUser: 5 },
  });
  // Drain on the orchestrator's signal: answer what is in flight, then close sockets with 1001.
  const stop = () => {
    void server.close().then(() => backend.dispose());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  server.httpServer.once('close', () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  });
  return server;
}

/** `LIVE_CHAT_SECRET=… PORT=8080 node --import tsx start-server.ts` */
export async function main(): Promise<void> {
  const secret = process.env.LIVE_CHAT_SECRET;
  if (!secret) throw new Error('Set LIVE_CHAT_SECRET (e.g. openssl rand -hex 32).');
  const server = await startServer({
    secret,
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '0.0.0.0',
    dev: process.env.LIVE_CHAT_DEV === '1',
  });
  server.logger.info({ wsUrl: server.wsUrl }, 'ready for operators');
}
