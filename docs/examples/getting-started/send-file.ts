import type { LiveChatClient } from '@live-chat/core';

/**
 * Sends `file` to a session's customer, with `text` (which may be empty): uploads it, then
 * sends the reply that carries it. A file the backend does not accept is refused before
 * anything is sent, and the error says why: `FILE_EMPTY`, `FILE_TOO_LARGE` or
 * `FILE_TYPE_NOT_ALLOWED` (the type is read from the file's bytes, not from its name).
 */
export async function sendFile(
  client: LiveChatClient,
  sessionId: string,
  file: File,
  text = '',
): Promise<void> {
  if (!client.attachmentPolicy) throw new Error('This backend takes no files.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const uploaded = await client.upload({ name: file.name, bytes });
  if (!uploaded.ok) {
    const reason = uploaded.error.details?.['reason'] ?? uploaded.error.code;
    throw new Error(`${file.name}: ${String(reason)}`);
  }
  const sent = await client.send(sessionId, text, { attachments: [uploaded.value] });
  if (!sent.ok) throw new Error(sent.error.message);
}
