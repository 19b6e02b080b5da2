/**
 * Files beside the socket: the WebSocket adapter uploads and downloads attachments over HTTP
 * (`POST /attachments?name=…`, `GET /attachments/{id}`) with the same token as its socket.
 * Every failure is a typed `LiveChatError`: the server's own refusal (its `code` and
 * `details`), `OFFLINE` when the server cannot be reached, `TIMEOUT` when it does not answer in
 * time.
 */
import {
  invalidAttachment,
  isErrorCode,
  LiveChatError,
  type Attachment,
  type AttachmentUpload,
  type ErrorCode,
  type Id,
} from '@live-chat/core';

/**
 * The URL of the attachment routes of the server whose WebSocket is at `wsUrl`: `attachments`
 * beside the socket's path, over `http:` for `ws:` and `https:` for `wss:`
 * (`wss://chat.example.com/ws` → `https://chat.example.com/attachments`).
 */
export function attachmentsUrlFor(wsUrl: string): string {
  const url = new URL(wsUrl);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  url.search = '';
  url.hash = '';
  return new URL('attachments', url).href;
}

/** What a {@link FileTransfer} needs of its adapter. */
export interface FileTransferOptions {
  /** The attachment routes' URL (see {@link attachmentsUrlFor}). */
  url: string;
  /** The fetch to use. */
  fetch: typeof fetch;
  /** How long one transfer may take, in ms. */
  timeoutMs: number;
  /** The token the adapter holds (its socket's), or a new one when it holds none. */
  token(): Promise<string>;
  /** A new token, after the server refused the one held (it expired meanwhile). */
  freshToken(): Promise<string>;
}

/** The code of an HTTP answer that carries no typed error. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400 || status === 405 || status === 413) return 'VALIDATION';
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'OFFLINE';
  return 'INTERNAL';
}

/** The typed error of a refused request: the server's own, or one made from the status. */
async function refusalOf(response: Response): Promise<LiveChatError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const message =
    typeof error?.message === 'string' && error.message.length <= 1000
      ? error.message
      : `The server answered HTTP ${response.status}.`;
  const details =
    typeof error?.details === 'object' && error.details !== null && !Array.isArray(error.details)
      ? (error.details as Record<string, unknown>)
      : undefined;
  const code = isErrorCode(error?.code) ? error.code : codeOfStatus(response.status);
  return new LiveChatError(code, message, details);
}

/** Uploads and downloads of one adapter (see the module comment). */
export class FileTransfer {
  constructor(private readonly options: FileTransferOptions) {}

  /** Stores `file` on the server; resolves its `Attachment`. */
  async upload(file: AttachmentUpload): Promise<Attachment> {
    const url = `${this.options.url}?name=${encodeURIComponent(file.name)}`;
    const attachment = await this.transfer(
      'POST',
      url,
      (response) => response.json() as Promise<unknown>,
      file.bytes,
    );
    if (invalidAttachment(attachment) !== undefined) {
      throw new LiveChatError(
        'INVALID_DATA',
        'The server answered an upload with something that is no file.',
      );
    }
    return attachment as Attachment;
  }

  /** The bytes of attachment `attachmentId`. */
  async download(attachmentId: Id): Promise<Uint8Array> {
    const url = `${this.options.url}/${encodeURIComponent(attachmentId)}`;
    const buffer = await this.transfer('GET', url, (response) => response.arrayBuffer());
    return new Uint8Array(buffer);
  }

  /**
   * One request, with the held token and, when the server refuses it (401), once more with a
   * fresh one; `read` takes the body of a 2xx answer within the same deadline.
   */
  private async transfer<T>(
    method: 'GET' | 'POST',
    url: string,
    read: (response: Response) => Promise<T>,
    body?: Uint8Array,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = attempt === 0 ? await this.options.token() : await this.options.freshToken();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
      try {
        let response: Response;
        try {
          response = await this.options.fetch(url, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body && { 'content-type': 'application/octet-stream' }),
            },
            ...(body && { body: body as BodyInit }),
            signal: controller.signal,
          });
        } catch (error) {
          throw this.lost(controller, error);
        }
        if (response.status === 401 && attempt === 0) {
          await response.arrayBuffer().catch(() => undefined);
          continue;
        }
        if (!response.ok) throw await refusalOf(response);
        try {
          return await read(response);
        } catch (error) {
          throw this.lost(controller, error);
        }
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** The error of a request that got no (whole) answer. */
  private lost(controller: AbortController, error: unknown): LiveChatError {
    if (error instanceof SyntaxError) {
      return new LiveChatError(
        'INVALID_DATA',
        'The server answered with something that is not JSON.',
      );
    }
    if (controller.signal.aborted) {
      return new LiveChatError(
        'TIMEOUT',
        `The server did not answer within ${this.options.timeoutMs} ms.`,
      );
    }
    return new LiveChatError(
      'OFFLINE',
      `The server could not be reached: ${(error as Error)?.message ?? String(error)}`,
    );
  }
}
