/**
 * Files across the tabs' channel: an upload's bytes and a download's bytes cross as base64 in
 * the JSON text, and neither side puts (or takes) more than the attachment policy's `maxBytes`:
 * a larger file is refused with the same `VALIDATION` error (`details.reason` `FILE_TOO_LARGE`)
 * as `checkUpload` gives.
 */
import { checkUpload, DEFAULT_ATTACHMENT_POLICY, LiveChatError } from '@live-chat/core';
import type { AttachmentPolicy, AttachmentUpload } from '@live-chat/core';

/** An upload as it crosses the channel. */
export interface WireUpload {
  /** The file name as the user gave it (the backend cleans it). */
  name: string;
  /** The bytes, base64-encoded. */
  bytes: string;
}

/** Bytes per `String.fromCharCode` call while encoding (well under any engine's argument limit). */
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new LiveChatError('VALIDATION', 'The file did not arrive as base64.', { field: 'file' });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Refuses `bytes` larger than the policy's `maxBytes` (the default policy's when there is
 * none), with `checkUpload`'s `FILE_TOO_LARGE` error.
 */
function checkSize(name: string, bytes: Uint8Array, policy: AttachmentPolicy | undefined): void {
  const bound = policy ?? DEFAULT_ATTACHMENT_POLICY;
  if (bytes.byteLength <= bound.maxBytes) return;
  const checked = checkUpload({ name, bytes }, bound);
  if (!checked.ok) throw LiveChatError.from(checked.error);
}

/** A follower's upload, for the channel (throws `VALIDATION` for one that is no file, or too large). */
export function uploadToWire(
  file: AttachmentUpload,
  policy: AttachmentPolicy | undefined,
): WireUpload {
  if (typeof file !== 'object' || file === null || !(file.bytes instanceof Uint8Array)) {
    throw new LiveChatError('VALIDATION', 'A file needs a name and its bytes.', { field: 'file' });
  }
  const name = typeof file.name === 'string' ? file.name : '';
  checkSize(name, file.bytes, policy);
  return { name, bytes: toBase64(file.bytes) };
}

/** The upload a follower's request carries, checked as {@link uploadToWire} checked it. */
export function uploadFromWire(
  value: unknown,
  policy: AttachmentPolicy | undefined,
): AttachmentUpload {
  const { name, bytes } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (typeof name !== 'string' || typeof bytes !== 'string') {
    throw new LiveChatError('VALIDATION', 'A file needs a name and its bytes.', { field: 'file' });
  }
  const upload = { name, bytes: fromBase64(bytes) };
  checkSize(name, upload.bytes, policy);
  return upload;
}

/** A download's bytes, for the channel (refused when larger than the policy allows). */
export function downloadToWire(
  attachmentId: string,
  bytes: Uint8Array,
  policy: AttachmentPolicy | undefined,
): string {
  if (!(bytes instanceof Uint8Array)) {
    throw new LiveChatError('INVALID_DATA', 'The backend answered a download with no bytes.');
  }
  checkSize(attachmentId, bytes, policy);
  return toBase64(bytes);
}

/** A download's bytes, as the leader's answer carries them. */
export function downloadFromWire(value: unknown): Uint8Array {
  if (typeof value !== 'string') {
    throw new LiveChatError('INVALID_DATA', 'The tab holding the connection sent no file.');
  }
  return fromBase64(value);
}
