/** Small HTTP helpers: JSON answers and bounded request bodies (raw or JSON). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorInfo } from '@live-chat/core';

/**
 * An HTTP error with its status, answered as `{ error: { status, message } }`; one made from a
 * typed error ({@link HttpError.typed}) adds its `code` and `details`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The typed error behind it, if any (its `code` and `details` go into the answer). */
    readonly info?: Omit<ErrorInfo, 'cause'>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** An error answered with `status` and the typed error's `code`, `message` and `details`. */
  static typed(status: number, info: ErrorInfo): HttpError {
    const { cause: _cause, ...rest } = info;
    return new HttpError(status, info.message, rest);
  }
}

/** Answers `body` as JSON with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** Answers an {@link HttpError} (or 500 for anything else). */
export function sendError(
  response: ServerResponse,
  error: unknown,
  headers: Record<string, string> = {},
): void {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof HttpError ? error.message : 'Internal server error.';
  const info = error instanceof HttpError ? error.info : undefined;
  // A body that was refused unread must not be read as the next request: close the connection.
  if (status === 413) headers = { ...headers, connection: 'close' };
  sendJson(response, status, { error: { status, ...info, message } }, headers);
}

/** Whether the request announces a body larger than `maxBytes`. */
export function declaresTooLarge(request: IncomingMessage, maxBytes: number): boolean {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > maxBytes;
}

/** Reads the raw body, at most `maxBytes` (`HttpError` 413 as soon as it is larger). */
export function readRawBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (declaresTooLarge(request, maxBytes)) {
      reject(new HttpError(413, `The body is larger than ${maxBytes} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        reject(new HttpError(413, `The body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/**
 * Reads a JSON body of at most `maxBytes`. Rejects with `HttpError` 413 as soon as it is larger
 * (declared or streamed), 415 when it is not `application/json`, 400 when it does not parse.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (declaresTooLarge(request, maxBytes)) {
    throw new HttpError(413, `The body is larger than ${maxBytes} bytes.`);
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'The body must be application/json.');
  }
  const raw = await readRawBody(request, maxBytes);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}
