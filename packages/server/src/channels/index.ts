/**
 * Channels: the inbound webhook (`POST /channels/{id}/messages`, HMAC-signed, idempotent on the
 * provider's message id) and outbound delivery of operator messages with delivery states. Both
 * work on a SQLite backend whose channel endpoints were applied from a configuration file.
 *
 * ```ts
 * const backend = createSqliteBackend({ dataDir: './data' });
 * const channels = createChannels({ backend });
 * const server = await createLiveChatServer({ backend, auth, handlers: [channels.handle] });
 * ```
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { DEFAULT_LIMITS } from '../limits.js';
import type { SqliteBackend } from '../storage/backend.js';
import { InboundChannels } from './inbound.js';
import { OutboundDeliveries, type OutboundDefaults } from './outbound.js';

export { signBody, verifySignature, SIGNATURE_HEADER } from './signature.js';
export { INBOUND_PATH, parseInbound, readRawBody } from './inbound.js';
export type { InboundAnswer, InboundMessage } from './inbound.js';
export { DEFAULT_OUTBOUND, OutboundDeliveries } from './outbound.js';
export type { OutboundDefaults, OutboundMessage } from './outbound.js';

/** Options of {@link createChannels}. */
export interface ChannelsOptions {
  backend: SqliteBackend;
  /** Largest inbound body in bytes (default: the server's `maxBodyBytes`, 64 KiB); larger: 413. */
  maxBodyBytes?: number;
  logger?: Logger;
  /** Where `secretEnv` names are looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Outbound back-off defaults (each endpoint's `outbound` may override them). */
  outbound?: Partial<OutboundDefaults>;
  /** The fetch used for outbound requests (default: the global one). */
  fetch?: typeof fetch;
}

/** The channels of a backend (see {@link createChannels}). */
export interface Channels {
  /** An HTTP handler for `createLiveChatServer({ handlers })`: answers the inbound route. */
  readonly handle: (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ) => Promise<boolean>;
  readonly inbound: InboundChannels;
  readonly outbound: OutboundDeliveries;
  /** Stops outbound delivery (pending deliveries resume at the next start). */
  close(): Promise<void>;
}

/**
 * Starts the channels of a backend: the inbound handler, and the outbound worker, which resumes
 * the deliveries the database still has pending. Closing the backend closes them too.
 */
export function createChannels(options: ChannelsOptions): Channels {
  const { backend } = options;
  const logger =
    options.logger ?? pino({ name: 'live-chat-channels', level: process.env.LOG_LEVEL ?? 'info' });
  const inbound = new InboundChannels(backend, {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    logger,
    env: options.env,
  });
  const outbound = new OutboundDeliveries(backend, {
    logger,
    env: options.env,
    defaults: options.outbound,
    fetch: options.fetch,
  });
  const stopOnDispose = backend.onDispose(() => void outbound.close());
  return {
    handle: (request, response, path) => inbound.handle(request, response, path),
    inbound,
    outbound,
    close() {
      stopOnDispose();
      return outbound.close();
    },
  };
}
