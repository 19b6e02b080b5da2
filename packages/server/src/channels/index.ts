/**
 * Channels: the inbound webhook (`POST /channels/{id}/messages`, HMAC-signed, idempotent on the
 * provider's message id; messages with files, and typing notices) and outbound delivery of
 * operator messages with delivery states, their files as signed links
 * (`GET /channels/{id}/attachments/{fileId}`), and operators' typing where an endpoint asks for
 * it. All of it works on a SQLite or a PostgreSQL backend whose channel endpoints were applied
 * from a configuration file; on PostgreSQL, every instance serves the webhook and shares the
 * outbound queue.
 *
 * ```ts
 * const backend = createSqliteBackend({ dataDir: './data' }); // or await createPostgresBackend(…)
 * const channels = createChannels({ backend });
 * const server = await createLiveChatServer({ backend, auth, handlers: [channels.handle] });
 * ```
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { isPromiseLike, type StoreMode } from '@live-chat/core/engine';
import { DEFAULT_LIMITS } from '../limits.js';
import { NO_METRICS, type MetricsRecorder } from '../metrics/index.js';
import type { PostgresBackend } from '../postgres/backend.js';
import { SqliteBackend } from '../storage/backend.js';
import { GroupCommit } from '../storage/group-commit.js';
import { attachmentLink, DEFAULT_LINK_TTL_MS, serveAttachmentLink } from './attachment-links.js';
import { outboundSecret } from './endpoints.js';
import { InboundChannels, type WriteRunner } from './inbound.js';
import { OutboundDeliveries, type OutboundDefaults } from './outbound.js';
import type { ChannelStore } from './store.js';
import { OutboundTyping } from './typing-notices.js';

export { signBody, verifySignature, SIGNATURE_HEADER } from './signature.js';
export { INBOUND_PATH, parseInbound, parseInboundBody } from './inbound.js';
export type { InboundAnswer, InboundAttachment, InboundMessage, InboundTyping } from './inbound.js';
export { DEFAULT_OUTBOUND, OutboundDeliveries } from './outbound.js';
export type { OutboundAttachment, OutboundDefaults, OutboundMessage } from './outbound.js';
export {
  ATTACHMENT_LINK_PATH,
  attachmentLink,
  DEFAULT_LINK_TTL_MS,
  linkProblem,
} from './attachment-links.js';
export { OutboundTyping } from './typing-notices.js';
export type { TypingNotice } from './typing-notices.js';
export type * from './store.js';

/** Options of {@link createChannels}. */
export interface ChannelsOptions {
  /** A SQLite or a PostgreSQL backend. */
  backend: SqliteBackend | PostgresBackend;
  /**
   * Largest inbound body in bytes; larger: 413. Default: the server's `maxBodyBytes` (64 KiB),
   * plus room for the most files a message may carry in base64 when the backend takes files
   * (`perMessage × maxBytes × 4/3`).
   */
  maxBodyBytes?: number;
  /**
   * The server's address as channels reach it (e.g. `https://chat.example.com`), for the links
   * of files in outbound messages; a function is asked each time (e.g. `() => server.url`).
   * Without it, files go out without a `url`.
   */
  publicUrl?: string | (() => string | undefined);
  /** How long a file link holds, in ms (default an hour); every attempt makes a new one. */
  attachmentLinkTtlMs?: number;
  logger?: Logger;
  /** Where `secretEnv` names are looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Outbound back-off defaults (each endpoint's `outbound` may override them). */
  outbound?: Partial<OutboundDefaults>;
  /**
   * How often the outbound worker looks for deliveries it was not told about (queued or left
   * by another process on the same database), in ms (default 5,000; 0: never).
   */
  pollIntervalMs?: number;
  /** The fetch used for outbound requests (default: the global one). */
  fetch?: typeof fetch;
  /** Where inbound requests and outbound deliveries are counted (default: nowhere). */
  metrics?: MetricsRecorder;
}

/** The channels of a backend (see {@link createChannels}). */
export interface Channels<M extends StoreMode = StoreMode> {
  /** An HTTP handler for `createLiveChatServer({ handlers })`: answers the inbound route. */
  readonly handle: (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ) => Promise<boolean>;
  readonly inbound: InboundChannels;
  readonly outbound: OutboundDeliveries<M>;
  /** Operators' typing, posted to the endpoints that ask for it. */
  readonly typing: OutboundTyping;
  /** Stops outbound delivery (pending deliveries resume at the next start). */
  close(): Promise<void>;
}

/**
 * How inbound requests write: on SQLite, the requests of one turn of the event loop share one
 * commit (each a savepoint of it); on PostgreSQL each request writes on its own.
 */
function writeRunner(backend: SqliteBackend | PostgresBackend): WriteRunner {
  if (!(backend instanceof SqliteBackend)) return async (write) => write();
  const group = new GroupCommit(backend);
  return (write) =>
    group.write(() => {
      const value = write();
      if (isPromiseLike(value)) throw new TypeError('A SQLite write answered with a promise.');
      return value;
    });
}

/**
 * Starts the channels of a backend: the inbound handler, and the outbound worker, which resumes
 * the deliveries the database still has pending. Closing the backend closes them too.
 */
export function createChannels(
  options: ChannelsOptions & { backend: SqliteBackend },
): Channels<'sync'>;
export function createChannels(
  options: ChannelsOptions & { backend: PostgresBackend },
): Channels<'async'>;
export function createChannels(options: ChannelsOptions): Channels;
export function createChannels(options: ChannelsOptions): Channels {
  const { backend } = options;
  const store: ChannelStore = backend.store.channels;
  const logger =
    options.logger ?? pino({ name: 'live-chat-channels', level: process.env.LOG_LEVEL ?? 'info' });
  const metrics = options.metrics ?? NO_METRICS;
  const { maxBytes, perMessage } = backend.attachmentPolicy;
  const fileRoom = backend.acceptsAttachments ? perMessage * Math.ceil(maxBytes / 3) * 4 : 0;
  const inbound = new InboundChannels(backend, store, {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes + fileRoom,
    logger,
    env: options.env,
    metrics,
    writes: writeRunner(backend),
  });
  const outbound = new OutboundDeliveries(backend, store, {
    logger,
    env: options.env,
    defaults: options.outbound,
    fetch: options.fetch,
    metrics,
    pollIntervalMs: options.pollIntervalMs ?? 5000,
    attachmentLink: (endpoint, attachmentId) => {
      const base =
        typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl;
      const secret = outboundSecret(endpoint, options.env);
      if (!base || !secret) return undefined;
      const expires = backend.now() + (options.attachmentLinkTtlMs ?? DEFAULT_LINK_TTL_MS);
      return attachmentLink(base, secret, endpoint.id, attachmentId, expires);
    },
  });
  const typing = new OutboundTyping(backend, store, {
    logger,
    env: options.env,
    fetch: options.fetch,
  });
  const stopOnDispose = backend.onDispose(() => {
    typing.close();
    void outbound.close();
  });
  return {
    async handle(request, response, path) {
      return (
        (await inbound.handle(request, response, path)) ||
        serveAttachmentLink(backend, store, options.env, request, response, path)
      );
    },
    inbound,
    outbound,
    typing,
    close() {
      stopOnDispose();
      typing.close();
      return outbound.close();
    },
  };
}
