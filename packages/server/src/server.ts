/**
 * `createLiveChatServer`: node:http + `ws` in front of a {@link LiveChatBackend}. Sockets
 * authenticate with a JWT, run the wire protocol of `@live-chat/adapters`, and are drained on
 * shutdown; HTTP serves health checks, the attachment routes (when the backend takes files) and,
 * in development, a token endpoint.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { CLOSE_CODES, WIRE_PROTOCOL } from '@live-chat/adapters';
import {
  createTokenVerifier,
  isSecretAuth,
  MAX_USER_ID_LENGTH,
  mintToken,
  type AuthOptions,
} from './auth.js';
import { ATTACHMENTS_PATH, createAttachmentRoutes } from './attachments/routes.js';
import { takesAttachments, type LiveChatBackend } from './backend.js';
import { Connection } from './connection.js';
import { checkOrigins, originAllowed } from './cors.js';
import { HttpError, readJsonBody, sendError, sendJson } from './http.js';
import { resolveLimits, type ServerLimits } from './limits.js';
import { setUpServerMetrics, type ServerMetrics } from './metrics/index.js';

/** Options of {@link createLiveChatServer}. */
export interface LiveChatServerOptions {
  /** The backend the server serves (e.g. a `MemoryBackend` of `@live-chat/adapters`). */
  backend: LiveChatBackend;
  /** How tokens are verified: a shared HS256 secret, or a JWKS URL. */
  auth: AuthOptions;
  /** TCP port (default 8080; 0 picks a free one: read it back from `server.port`). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`; `0.0.0.0` for every IPv4 interface). */
  host?: string;
  /** Path of the WebSocket endpoint (default `/ws`). */
  path?: string;
  /**
   * A pino logger for structured logs (default: pino at level `info` on stdout, or the level in
   * `LOG_LEVEL`); `false` logs nothing.
   */
  logger?: Logger | false;
  /** Limits; each field has a default (`DEFAULT_LIMITS`). */
  limits?: Partial<ServerLimits>;
  /**
   * The origins (`https://portal.example.com`) whose pages may use the server from a browser:
   * the attachment routes answer their cross-origin requests, and WebSocket upgrades from other
   * origins are refused (403). Absent: any origin (requests carry a bearer token, never a
   * cookie). Clients that send no `Origin` (not browsers) are never refused for it.
   */
  allowedOrigins?: readonly string[];
  /**
   * Development only: serves `POST /dev/token { userId, ttlSec? }`, which signs a token for
   * anyone who asks. Needs `auth.secret`. Never enable it in production.
   */
  dev?: boolean;
  /**
   * More HTTP routes (e.g. `createChannels(…).handle` for the channel webhooks): each is asked in
   * turn, after the built-in routes, and answers `true` when it served the request. A thrown
   * `HttpError` is answered with its status. A route that reads a body bounds it itself (e.g.
   * with its own limit), since its bodies may be larger than `maxBodyBytes`.
   */
  handlers?: readonly HttpHandler[];
  /**
   * Prometheus metrics (off by default): `true` records to metrics of the server's own, or pass
   * a {@link ServerMetrics} of `createServerMetrics()` (e.g. to share it with `createChannels`).
   * Either serves `GET /metrics`. Let only the scraper reach it (it tells how busy the server
   * is), or set `metricsToken`.
   */
  metrics?: boolean | ServerMetrics;
  /** Path of the metrics route (default `/metrics`); needs `metrics`. */
  metricsPath?: string;
  /**
   * When set, the metrics route needs `Authorization: Bearer <metricsToken>` (at least 16
   * characters) and answers `401` without it; needs `metrics`.
   */
  metricsToken?: string;
}

/** An HTTP route of {@link LiveChatServerOptions.handlers}: `true` when it answered the request. */
export type HttpHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
) => boolean | Promise<boolean>;

/** What the server is doing, for metrics and tests. */
export interface LiveChatServerStats {
  /** Open sockets, authenticated or not. */
  sockets: number;
  /** Users with at least one authenticated socket. */
  users: number;
  /** Event subscriptions open across all sockets. */
  subscriptions: number;
}

/** A running server (see {@link createLiveChatServer}). */
export interface LiveChatServer {
  /** The port it listens on. */
  readonly port: number;
  /** The interface it listens on. */
  readonly host: string;
  /** Base URL of the HTTP endpoints, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** URL of the WebSocket endpoint, e.g. `ws://127.0.0.1:8080/ws`. */
  readonly wsUrl: string;
  /** The underlying Node HTTP server (to add routes of your own with `on('request')`, or to inspect). */
  readonly httpServer: http.Server;
  /** The server's logger. */
  readonly logger: Logger;
  /** What the server is doing now. */
  stats(): LiveChatServerStats;
  /**
   * Graceful shutdown: `/readyz` answers 503 and new sockets are refused at once; requests in
   * flight are answered (up to `limits.shutdownGraceMs`), new requests are refused with `OFFLINE`,
   * then every socket is closed with 1001 (going away) and the port is released. Resolves when
   * all is closed; calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** Waits for `promise`, at most `ms` (the timer is cleared either way). */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The default logger: JSON lines on stdout at `LOG_LEVEL` (default `info`). */
function defaultLogger(): Logger {
  return pino({ name: 'live-chat-server', level: process.env.LOG_LEVEL ?? 'info' });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Refuses an upgrade with a plain HTTP status before any WebSocket is made. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { status, message } });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'connection: close\r\ncontent-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Starts a live chat server and resolves once it listens.
 *
 * ```ts
 * const server = await createLiveChatServer({
 *   backend: createMemoryBackend({ seed: createSeedData() }),
 *   auth: { secret: process.env.LIVE_CHAT_SECRET! },
 *   port: 8080,
 * });
 * process.on('SIGTERM', () => void server.close());
 * ```
 *
 * Routes: the WebSocket endpoint (`path`, default `/ws`), `GET /healthz` (200 while the process
 * serves), `GET /readyz` (200 when it accepts new sockets, 503 while starting, draining or when
 * the backend is not ready), when the backend takes files `POST /attachments` and
 * `GET /attachments/{id}`, with `metrics` only, `GET /metrics` (Prometheus) and, with
 * `dev: true` only, `POST /dev/token`. docs/server.md describes the protocol, the close codes,
 * the limits and the metrics.
 */
export async function createLiveChatServer(
  options: LiveChatServerOptions,
): Promise<LiveChatServer> {
  const { backend } = options;
  const limits = resolveLimits(options.limits);
  const logger =
    options.logger === false ? pino({ level: 'silent' }) : (options.logger ?? defaultLogger());
  const verify = createTokenVerifier(options.auth);
  const wsPath = options.path ?? '/ws';
  const auth = options.auth;
  if (options.dev && !isSecretAuth(auth)) {
    throw new TypeError('dev: true signs tokens, so it needs auth.secret.');
  }
  const devSecret = options.dev && isSecretAuth(auth) ? auth.secret : undefined;
  const allowedOrigins =
    options.allowedOrigins === undefined ? undefined : checkOrigins(options.allowedOrigins);
  const metrics = setUpServerMetrics(options, [
    wsPath,
    '/healthz',
    '/readyz',
    '/dev/token',
    ATTACHMENTS_PATH,
  ]);
  const attachmentRoutes = takesAttachments(backend)
    ? createAttachmentRoutes({
        backend,
        verify,
        limits,
        logger,
        draining: () => draining,
        allowedOrigins,
      })
    : undefined;
  const handlers = [
    ...(attachmentRoutes ? [attachmentRoutes] : []),
    ...metrics.routes,
    ...(options.handlers ?? []),
  ];

  const connections = new Set<Connection>();
  const byUser = new Map<string, Set<Connection>>();
  let listening = false;
  let draining = false;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });

  const context = {
    backend,
    verify,
    limits,
    logger,
    metrics: metrics.recorder,
    draining: () => draining,
    admit(connection: Connection): boolean {
      const userId = connection.userId as string;
      let sockets = byUser.get(userId);
      if (!sockets) byUser.set(userId, (sockets = new Set()));
      if (sockets.size >= limits.maxSocketsPerUser) {
        if (sockets.size === 0) byUser.delete(userId);
        return false;
      }
      sockets.add(connection);
      return true;
    },
    release(connection: Connection): void {
      connections.delete(connection);
      const userId = connection.userId;
      if (userId === undefined) return;
      const sockets = byUser.get(userId);
      sockets?.delete(connection);
      if (sockets?.size === 0) byUser.delete(userId);
    },
  };

  wss.on('connection', (socket, request: IncomingMessage) => {
    const connection = new Connection(
      socket,
      context,
      request.socket.remoteAddress,
      request.socket,
    );
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });

  // Drops sockets whose peer vanished without closing (no pong, nothing sent, since last time).
  const pinger = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        logger.info({ userId: connection.userId }, 'dropping a socket that stopped answering');
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, limits.pingIntervalMs);
  pinger.unref();

  async function ready(): Promise<boolean> {
    if (!listening || draining) return false;
    try {
      return (await backend.ready?.()) ?? true;
    } catch (error) {
      logger.warn({ err: error }, 'the backend is not ready');
      return false;
    }
  }

  async function devToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
    };
    try {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, cors);
        response.end();
        return;
      }
      if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
      const body = await readJsonBody(request, limits.maxBodyBytes);
      const { userId, ttlSec } = (body ?? {}) as { userId?: unknown; ttlSec?: unknown };
      if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_USER_ID_LENGTH) {
        throw new HttpError(400, 'The body must be { "userId": "…" }.');
      }
      if (
        ttlSec !== undefined &&
        (typeof ttlSec !== 'number' || !(ttlSec > 0) || ttlSec > 86_400)
      ) {
        throw new HttpError(400, 'ttlSec must be a number of seconds in (0, 86400].');
      }
      const lifetime = (ttlSec as number | undefined) ?? 3600;
      const token = await mintToken({
        secret: devSecret as string | Uint8Array,
        userId,
        ttlSec: lifetime,
        issuer: typeof auth.issuer === 'string' ? auth.issuer : auth.issuer?.[0],
        audience: typeof auth.audience === 'string' ? auth.audience : auth.audience?.[0],
      });
      logger.info({ userId }, 'dev token issued');
      sendJson(response, 200, { token, expiresAt: Date.now() + lifetime * 1000 }, cors);
    } catch (error) {
      sendError(response, error, cors);
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      sendJson(response, 200, { status: draining ? 'draining' : 'ok' });
    } else if (path === '/readyz') {
      const isReady = await ready();
      sendJson(response, isReady ? 200 : 503, {
        status: isReady ? 'ready' : draining ? 'draining' : 'not-ready',
      });
    } else if (path === '/dev/token' && devSecret !== undefined) {
      await devToken(request, response);
    } else if (path === wsPath) {
      throw new HttpError(426, 'This endpoint speaks WebSocket.');
    } else {
      for (const handler of handlers) {
        if (await handler(request, response, path)) return;
      }
      throw new HttpError(404, 'Not found.');
    }
  }

  const httpServer = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!(error instanceof HttpError)) logger.error({ err: error }, 'HTTP request failed');
      if (!response.headersSent) sendError(response, error);
      else response.destroy();
    });
  });

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== wsPath) return refuseUpgrade(socket, 404, 'Not found.');
    if (draining) return refuseUpgrade(socket, 503, 'The server is shutting down.');
    if (!originAllowed(request.headers.origin, allowedOrigins)) {
      return refuseUpgrade(socket, 403, 'Connections from this origin are not allowed.');
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  httpServer.on('clientError', (error, socket) => {
    if (socket.writable) refuseUpgrade(socket, 400, 'Bad request.');
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 8080, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  listening = true;
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${formatHost(host)}:${port}`;
  logger.info({ url, wsPath, dev: devSecret !== undefined }, 'live chat server listening');
  if (devSecret !== undefined) logger.warn('POST /dev/token is enabled: never in production');

  function stats(): LiveChatServerStats {
    let subscriptions = 0;
    for (const connection of connections) subscriptions += connection.subscriptionCount;
    return { sockets: connections.size, users: byUser.size, subscriptions };
  }
  const untrackStats = metrics.recorder.trackServer(stats);

  let closing: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    draining = true;
    clearInterval(pinger);
    logger.info({ sockets: connections.size }, 'shutting down: draining sockets');
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Answer what is in flight, then say goodbye.
    await atMost(
      Promise.all([...connections].map((connection) => connection.idle())),
      limits.shutdownGraceMs,
    );
    const sockets = [...wss.clients];
    const allGone = Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) resolve();
            else socket.once('close', () => resolve());
          }),
      ),
    );
    for (const connection of [...connections]) {
      connection.close(CLOSE_CODES.GOING_AWAY, 'The server is shutting down.');
    }
    await atMost(allGone, limits.shutdownGraceMs);
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    httpServer.closeAllConnections();
    await closed;
    listening = false;
    untrackStats();
    logger.info('shut down');
  }

  return {
    port,
    host,
    url,
    wsUrl: `ws://${formatHost(host)}:${port}${wsPath}`,
    httpServer,
    logger,
    stats,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
