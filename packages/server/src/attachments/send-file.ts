/**
 * How the server answers with a file's bytes, wherever it serves them: always as a download of
 * opaque bytes, never as something a browser would render or run. The type the backend read
 * from the bytes stays in the attachment's record; the answer says `application/octet-stream`,
 * forbids sniffing, and sandboxes the answer in case it is opened anyway.
 */
import type { ServerResponse } from 'node:http';
import type { Attachment } from '@live-chat/core';

/** The headers every file answer carries (besides its length and name). */
export const FILE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/octet-stream',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, no-store',
});

/**
 * `Content-Disposition: attachment` with the file's name: an ASCII `filename` (other characters,
 * quotes and backslashes become `_`) and the exact name as `filename*` (RFC 8187, UTF-8).
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Answers 200 with the file's bytes as a download (see the module comment). */
export function sendFile(
  response: ServerResponse,
  attachment: Attachment,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, {
    ...headers,
    ...FILE_HEADERS,
    'content-length': bytes.byteLength,
    'content-disposition': contentDisposition(attachment.name),
  });
  response.end(bytes);
}
