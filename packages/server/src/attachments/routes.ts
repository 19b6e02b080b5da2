/**
 * The attachment routes of the server's HTTP listener, for the workspace (the WebSocket
 * adapter's `upload` and `download`), authenticated with the same JWT as the socket:
 *
 * - `POST /attachments?name=<file name>`, the raw bytes as the body: `201` with the
 *   `Attachment`. The body is read up to the policy's `maxBytes` and no further (`413`).
 * - `GET /attachments/{id}`: `200` with the bytes as a download (see `send-file.ts`).
 *
 * Errors are typed: `{ error: { status, code, message, details } }` with the codes of
 * `@live-chat/core`. Requests per user are rate-limited like a socket's, and the number of
 * uploads read at once is bounded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { cleanFileName, type ErrorCode, type ErrorInfo, type Result } from '@live-chat/core';
import { RATE_LIMITED } from '@live-chat/adapters';
import type { TokenVerifier } from '../auth.js';
import type { LiveChatBackend } from '../backend.js';
import { corsHeaders, originAllowed } from '../cors.js';
import { HttpError, readRawBody, sendError, sendJson } from '../http.js';
import type { ServerLimits } from '../limits.js';
import { KeyedBuckets } from '../rate-limit.js';
import { isAttachmentId } from './disk-storage.js';
import { sendFile } from './send-file.js';

/** Where the upload route lives; a file's route is `{ATTACHMENTS_PATH}/{id}`. */
export const ATTACHMENTS_PATH = '/attachments';

/** Longest `name` an upload may give, in characters (it is cleaned and cut shorter after). */
const MAX_NAME_PARAM = 1000;

/** A request, its answer, and the CORS headers the answer carries. */
interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  cors: Record<string, string>;
}

/** A backend that takes files. */
type FileBackend = LiveChatBackend &
  Required<Pick<LiveChatBackend, 'upload' | 'download' | 'attachmentPolicy'>>;

/** What the routes need of the server. */
export interface AttachmentRoutesContext {
  backend: FileBackend;
  verify: TokenVerifier;
  limits: ServerLimits;
  logger: Logger;
  /** Whether the server is shutting down (requests are refused with `OFFLINE`). */
  draining(): boolean;
  /** The origins allowed to call from a browser (any when absent). */
  allowedOrigins?: readonly string[];
}

/** An {@link HttpError} with a typed error. */
function refusal(
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): HttpError {
  return HttpError.typed(status, { code, message, ...(details && { details }) });
}

/** The HTTP status of a backend's refusal. */
export function statusOfRefusal(error: ErrorInfo): number {
  switch (error.code) {
    case 'VALIDATION':
      return error.details?.reason === 'FILE_TOO_LARGE' ? 413 : 400;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'OFFLINE':
      return 503;
    default:
      return 500;
  }
}

/** The value of a backend's answer, or the typed HTTP error of its refusal. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw HttpError.typed(statusOfRefusal(result.error), result.error);
  return result.value;
}

/** The attachment routes (see the module comment): `true` when the request was theirs. */
export function createAttachmentRoutes(
  context: AttachmentRoutesContext,
): (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean> {
  const { backend, limits, logger } = context;
  const buckets = new KeyedBuckets(
    limits.attachmentRequestsPerSecond,
    limits.attachmentRequestBurst,
  );
  let uploading = 0;

  /** The user the bearer token names; 401 (or 503 when the keys cannot be fetched) otherwise. */
  async function authenticate(request: IncomingMessage): Promise<string> {
    const match = /^Bearer\s+(\S{1,8192})\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) {
      throw refusal(401, 'FORBIDDEN', 'Send the token as "Authorization: Bearer <token>".', {
        reason: 'UNAUTHENTICATED',
      });
    }
    const verified = await context.verify(match[1]);
    if (verified.ok) return verified.value.userId;
    if (verified.error.closeCode === 1013) {
      throw refusal(503, 'OFFLINE', verified.error.reason);
    }
    throw refusal(401, 'FORBIDDEN', verified.error.reason, {
      reason: verified.error.closeCode === 4401 ? 'TOKEN_EXPIRED' : 'TOKEN_REJECTED',
    });
  }

  /**
   * The user of a request that may go on: refused when the token is not good, the server
   * drains or the user is over the rate limit.
   */
  async function authorized(request: IncomingMessage, response: ServerResponse): Promise<string> {
    const userId = await authenticate(request);
    if (context.draining()) {
      throw refusal(503, 'OFFLINE', 'The server is shutting down; try again in a moment.');
    }
    const wait = buckets.take(userId);
    if (wait > 0) {
      response.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      throw refusal(429, 'OFFLINE', `Too many file requests; try again in ${wait} ms.`, {
        reason: RATE_LIMITED,
        retryAfterMs: wait,
      });
    }
    return userId;
  }

  async function upload({ request, response, cors }: Exchange, url: URL): Promise<void> {
    const userId = await authorized(request, response);
    const name = url.searchParams.get('name') ?? '';
    if (name.length > MAX_NAME_PARAM) {
      throw refusal(
        400,
        'VALIDATION',
        `The file name is longer than ${MAX_NAME_PARAM} characters.`,
        {
          field: 'name',
        },
      );
    }
    if (uploading >= limits.maxConcurrentUploads) {
      throw refusal(
        503,
        'OFFLINE',
        'The server is busy with other uploads; try again in a moment.',
        {
          reason: RATE_LIMITED,
          retryAfterMs: 1000,
        },
      );
    }
    const { maxBytes } = backend.attachmentPolicy;
    uploading++;
    let bytes: Buffer;
    try {
      bytes = await readRawBody(request, maxBytes);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 413) throw error;
      throw refusal(
        413,
        'VALIDATION',
        `"${cleanFileName(name)}" is larger than ${maxBytes} bytes.`,
        {
          field: 'file',
          reason: 'FILE_TOO_LARGE',
          name: cleanFileName(name),
          maxBytes,
        },
      );
    } finally {
      uploading--;
    }
    const file = { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    const attachment = valueOf(await backend.upload(userId, file));
    logger.debug({ userId, attachmentId: attachment.id, size: attachment.size }, 'file uploaded');
    sendJson(response, 201, attachment, cors);
  }

  async function download({ request, response, cors }: Exchange, rawId: string): Promise<void> {
    const userId = await authorized(request, response);
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      id = rawId;
    }
    // Only an id of the engine's form names a file: anything else (a path) names none.
    if (!isAttachmentId(id)) throw refusal(404, 'NOT_FOUND', 'There is no such file.');
    const { attachment, bytes } = valueOf(await backend.download(userId, id));
    sendFile(response, attachment, bytes, cors);
  }

  return async (request, response, path) => {
    if (path !== ATTACHMENTS_PATH && !path.startsWith(`${ATTACHMENTS_PATH}/`)) return false;
    const origin = request.headers.origin;
    const cors = corsHeaders(origin, context.allowedOrigins, 'GET, POST, OPTIONS');
    try {
      if (!originAllowed(origin, context.allowedOrigins)) {
        throw refusal(403, 'FORBIDDEN', 'Requests from this origin are not allowed.', {
          reason: 'ORIGIN_NOT_ALLOWED',
        });
      }
      if (request.method === 'OPTIONS') {
        response.writeHead(204, cors);
        response.end();
        return true;
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      const rawId = path.slice(ATTACHMENTS_PATH.length + 1);
      const method = path === ATTACHMENTS_PATH ? 'POST' : 'GET';
      if (request.method !== method || rawId.includes('/')) {
        if (request.method !== method) response.setHeader('allow', `${method}, OPTIONS`);
        throw request.method !== method
          ? refusal(405, 'VALIDATION', `Use ${method}.`)
          : refusal(404, 'NOT_FOUND', 'There is no such file.');
      }
      const exchange = { request, response, cors };
      if (method === 'POST') await upload(exchange, url);
      else await download(exchange, rawId);
    } catch (error) {
      if (!(error instanceof HttpError)) logger.error({ err: error }, 'a file request failed');
      if (!response.headersSent) sendError(response, error, cors);
      else response.destroy();
    }
    return true;
  };
}
