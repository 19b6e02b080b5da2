/**
 * Test support: sample files (an image, and the traps: SVG with a script, HTML, HTML named like
 * an image, a PNG signature with a page behind it) and the attachment routes called as a
 * browser would, with a bearer token.
 */
import assert from 'node:assert/strict';
import type { Attachment } from '@live-chat/core';

const encode = (text: string) => new TextEncoder().encode(text);

/** The first bytes of every PNG. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Sample files by what they are. */
export const SAMPLE_FILES = {
  /** A PNG image (its signature and a few bytes). */
  png: new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]),
  /** An SVG with a script in it. */
  svg: encode(
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
  ),
  /** A web page with a script. */
  html: encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  /** A PNG signature with a web page after it: accepted as an image, never served as a page. */
  pngWithPage: new Uint8Array([
    ...PNG_SIGNATURE,
    ...encode('<html><body><script>alert(document.cookie)</script></body></html>'),
  ]),
  /** Plain text. */
  text: encode('Order 4711: two blenders, one returned.\n'),
};

/** What an answer of the attachment routes carried. */
export interface FileAnswer {
  status: number;
  headers: Headers;
  /** The JSON body (errors, uploads), or `undefined`. */
  json: Record<string, unknown> | undefined;
  /** The raw body. */
  bytes: Uint8Array;
}

async function answerOf(response: Response): Promise<FileAnswer> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  let json: Record<string, unknown> | undefined;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
    json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  }
  return { status: response.status, headers: response.headers, json, bytes };
}

/** `POST {baseUrl}/attachments?name=…` with `bytes`, signed in with `token` (none: no header). */
export async function postFile(
  baseUrl: string,
  token: string | undefined,
  name: string,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<FileAnswer> {
  return answerOf(
    await fetch(`${baseUrl}/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: Buffer.from(bytes),
    }),
  );
}

/** Uploads a file that must be accepted (201); resolves its `Attachment`. */
export async function uploadFile(
  baseUrl: string,
  token: string,
  name: string,
  bytes: Uint8Array,
): Promise<Attachment> {
  const answer = await postFile(baseUrl, token, name, bytes);
  assert.equal(answer.status, 201, JSON.stringify(answer.json));
  return answer.json as unknown as Attachment;
}

/** `GET {baseUrl}/attachments/{rawId}` (`rawId` is put in the path as it is). */
export async function getFile(
  baseUrl: string,
  token: string | undefined,
  rawId: string,
): Promise<FileAnswer> {
  return answerOf(
    await fetch(`${baseUrl}/attachments/${rawId}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    }),
  );
}

/** The typed error of an answer (`{ error: { code, details } }`). */
export function errorOf(answer: FileAnswer): { code?: string; details?: Record<string, unknown> } {
  return (answer.json?.error ?? {}) as { code?: string; details?: Record<string, unknown> };
}
