/**
 * `GET /metrics`: the text exposition of a {@link ServerMetrics} registry, optionally behind a
 * bearer token, and how the server's `metrics` options turn into the recorder and this route.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError, sendError } from '../http.js';
import type { HttpHandler, LiveChatServerOptions } from '../server.js';
import {
  createServerMetrics,
  NO_METRICS,
  type MetricsRecorder,
  type ServerMetrics,
} from './metrics.js';

/** Where the server serves metrics unless `metricsPath` says otherwise. */
export const DEFAULT_METRICS_PATH = '/metrics';

/** Shortest `metricsToken` accepted, in characters. */
const MIN_TOKEN_LENGTH = 16;

/** Options of {@link createMetricsRoute}. */
export interface MetricsRouteOptions {
  /** The route's path (default {@link DEFAULT_METRICS_PATH}). */
  path?: string;
  /** When set, a request must carry `Authorization: Bearer <token>` (else `401`). */
  token?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
function bearerMatches(request: IncomingMessage, expected: Buffer): boolean {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization?.trim() ?? '');
  return match !== null && timingSafeEqual(sha256(match[1]), expected);
}

/** An HTTP route answering the registry of `metrics` in Prometheus' text format. */
export function createMetricsRoute(
  metrics: ServerMetrics,
  options: MetricsRouteOptions = {},
): HttpHandler {
  const routePath = options.path ?? DEFAULT_METRICS_PATH;
  const expected = options.token === undefined ? undefined : sha256(options.token);
  return async (request, response, path) => {
    if (path !== routePath) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, new HttpError(405, 'Use GET.'), { allow: 'GET, HEAD' });
      return true;
    }
    if (expected && !bearerMatches(request, expected)) {
      sendError(response, new HttpError(401, 'The metrics need the bearer token.'), {
        'www-authenticate': 'Bearer realm="metrics"',
      });
      return true;
    }
    const text = await metrics.registry.metrics();
    response.writeHead(200, {
      'content-type': metrics.registry.contentType,
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : text);
    return true;
  };
}

/** The metrics a server records to, and its metrics route (none when metrics are off). */
export interface ServerMetricsSetup {
  /** What the server's hooks call: {@link NO_METRICS} when metrics are off. */
  recorder: MetricsRecorder;
  /** The metrics route, or nothing. */
  routes: HttpHandler[];
}

/**
 * Reads the server's `metrics`, `metricsPath` and `metricsToken` options. Throws a `TypeError`
 * for a path or token given while metrics are off, a path that is not free (`takenPaths`), or a
 * token shorter than 16 characters.
 */
export function setUpServerMetrics(
  options: Pick<LiveChatServerOptions, 'metrics' | 'metricsPath' | 'metricsToken'>,
  takenPaths: readonly string[],
): ServerMetricsSetup {
  const { metricsPath: path, metricsToken: token } = options;
  const metrics = options.metrics === true ? createServerMetrics() : options.metrics || undefined;
  if (!metrics) {
    if (path !== undefined || token !== undefined) {
      throw new TypeError('metricsPath and metricsToken need metrics: true (or a ServerMetrics).');
    }
    return { recorder: NO_METRICS, routes: [] };
  }
  if (path !== undefined && (!path.startsWith('/') || takenPaths.includes(path))) {
    throw new TypeError(`metricsPath must start with "/" and be free; "${path}" is not.`);
  }
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new TypeError(`metricsToken must have at least ${MIN_TOKEN_LENGTH} characters.`);
  }
  return { recorder: metrics, routes: [createMetricsRoute(metrics, { path, token })] };
}
