/**
 * Files for the attachment stories: a screenshot, a PDF, and the traps a customer might send
 * (an SVG with a script, a web page named like an image), as bytes and as the files a user
 * picks; and a customer of a story session sending some.
 */
import type { Id } from '@live-chat/core';
import type { StoryFixture } from './story-backend.js';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A 120 × 80 PNG: a tiny screenshot of an error dialog. */
export const SCREENSHOT = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAIAAABd+SbeAAAAu0lEQVR42u3ZoQ2AMBRF0U6CIszEniyBQSG6BAKFhRFIE/KTX05zJziqfS3jvCugggA0aIEGDZoCaNACDRo0hRDo47wUEGjQoAUaNGgEoEHrW+h1q2oNNGjQ1ECDBg0aNGhwMdDyBAct0KBBC7Q9Ous9FzRo0KBBgwYNun9ogQYt0KBBCzRogU4Nff/pgAYNGnRX0Ms05Ao0aNCgQYMGDRo0aNCgQYO2ddg6QIMGDVo+Z0ELNGjQAg1a7z14hOrw1zXyVwAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

/** A small PDF (what counts is its signature). */
export const PDF = bytesOf('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** An SVG with a script: refused. */
export const SVG = bytesOf(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

/** A web page: refused, whatever its name says. */
export const PAGE = bytesOf('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** A file as the file picker hands it over. */
export const fileOf = (name: string, bytes: Uint8Array): File =>
  new File([bytes as Uint8Array<ArrayBuffer>], name);

/**
 * The customer of `sessionId` sends `files` through the backend, as a messenger would, with
 * `text` (none: a message of files alone).
 */
export async function customerSendsFiles(
  fixture: StoryFixture,
  sessionId: Id | undefined,
  files: Array<{ name: string; bytes: Uint8Array }>,
  text = '',
): Promise<void> {
  const session = sessionId ? fixture.backend.getSession(sessionId) : undefined;
  if (!session) return;
  const attachmentIds: Id[] = [];
  for (const file of files) {
    const uploaded = await fixture.backend.customerUpload(session.customerId, file);
    if (uploaded.ok) attachmentIds.push(uploaded.value.id);
  }
  fixture.backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
    attachmentIds,
  });
}
