/**
 * Test support for attachments: the bytes of a real image and of the traps (SVG, a page named
 * like an image), files as a user picks, drops or pastes them, and a customer sending files
 * through the memory backend as a messenger would.
 */
import type { MemoryBackend } from '@live-chat/adapters';

/** A 2 × 2 PNG. */
export const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAwPAfhP7/ZwAAHu8E/Gj7YDYAAAAASUVORK5CYII=',
  ),
  (char) => char.charCodeAt(0),
);

/** UTF-8 bytes of `text`. */
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An SVG with a script: never attached, never rendered. */
export const SVG = bytesOf(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="pwned"</script></svg>',
);

/** A web page: never attached, never rendered, whatever its name says. */
export const HTML = bytesOf(
  '<!doctype html><html><body><script>document.title="pwned"</script></body></html>',
);

/** A small PDF (its signature is what counts). */
export const PDF = bytesOf('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A file as the file picker, a drop or a paste hands it over. */
export const fileOf = (name: string, bytes: Uint8Array, type = ''): File =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

/** `files` in a DataTransfer, as a drop or a paste carries them. */
export function transferOf(...files: File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/**
 * The customer of `sessionId` sends `files` (uploaded through the backend, as a channel does)
 * with `text`; throws if the backend refuses. Returns the ids of the files.
 */
export async function customerSendsFiles(
  backend: MemoryBackend,
  sessionId: string,
  files: Array<{ name: string; bytes: Uint8Array }>,
  text = '',
): Promise<string[]> {
  const session = backend.getSession(sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  const attachmentIds: string[] = [];
  for (const file of files) {
    const uploaded = await backend.customerUpload(session.customerId, file);
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    attachmentIds.push(uploaded.value.id);
  }
  const written = backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
    attachmentIds,
  });
  if (!written.ok) throw new Error(written.error.message);
  return attachmentIds;
}
