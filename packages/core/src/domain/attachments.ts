/**
 * Files attached to messages, in both directions: what a backend keeps about each, the limits
 * it enforces, and how it decides a file's type. The type is read from the file's first bytes,
 * never taken from the sender's claim or the name's extension, so a page named `cat.png` is
 * neither shown as an image nor served as HTML. Only raster images whose bytes say so
 * (PNG, JPEG, GIF, WebP) are ever previewed; SVG and anything that looks like markup is refused
 * by the default policy, and every file is downloaded, never opened in the page.
 */
import { fail, ok, type Result } from './errors.js';
import { codePointLength } from './limits.js';
import type { Id } from './types.js';

/** A file attached to a message: what every side knows about it (the bytes are fetched apart). */
export interface Attachment {
  /** The backend's id of the file. */
  id: Id;
  /** The file name the sender gave, cleaned of path and control characters (untrusted text). */
  name: string;
  /** The type the backend read from the file's bytes (see {@link sniffFileType}). */
  type: string;
  /** Size in bytes. */
  size: number;
  /** The bytes are a PNG, JPEG, GIF or WebP image: the only files shown as a preview. */
  image?: true;
}

/** A file as an operator or a customer hands it over, before the backend accepted it. */
export interface AttachmentUpload {
  /** The file's name (only its last path segment is kept). */
  name: string;
  /** Its content. */
  bytes: Uint8Array;
}

/** What a backend allows: file size, files per message, and the types it accepts. */
export interface AttachmentPolicy {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Most files one message carries. */
  perMessage: number;
  /** Accepted types, as {@link sniffFileType} names them. */
  types: readonly string[];
}

/**
 * The types a backend accepts unless configured otherwise: raster images, PDF, plain text and
 * ZIP containers (which also covers Office documents). SVG, HTML and XML are not among them.
 */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = Object.freeze([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/zip',
]);

/** The default {@link AttachmentPolicy}: 10 MiB per file, 5 files per message, the default types. */
export const DEFAULT_ATTACHMENT_POLICY: Readonly<AttachmentPolicy> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  perMessage: 5,
  types: DEFAULT_ATTACHMENT_TYPES,
});

/** The most files one message may carry under any policy (a backend's `perMessage` may be lower). */
export const MAX_ATTACHMENT_IDS = 10;

/** Longest kept file name, in code points (longer names are cut, keeping the extension). */
export const MAX_FILE_NAME_LENGTH = 200;

/** The types whose bytes are shown as a preview (raster images only). */
export const PREVIEW_TYPES: readonly string[] = Object.freeze([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** Signatures of the binary types, by their first bytes. */
const SIGNATURES: readonly { type: string; test: (bytes: Uint8Array) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { type: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    type: 'image/gif',
    test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  },
  {
    type: 'image/webp',
    test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  },
  { type: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
  { type: 'application/zip', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
];

/** Markup a browser could take for a page or an image with scripts, anywhere near the start. */
const MARKUP =
  /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|!--|a\s|img\s|div|style|meta|link)/i;

/**
 * The type of a file, read from its bytes alone: a known signature, else `text/html`,
 * `image/svg+xml` or `application/xml` for markup in its first 1 KiB (what a browser's
 * sniffing would render), else `text/plain` for UTF-8 text without control characters, else
 * `application/octet-stream`.
 */
export function sniffFileType(bytes: Uint8Array): string {
  for (const { type, test } of SIGNATURES) if (test(bytes)) return type;
  const head = bytes.subarray(0, 1024);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    // A multi-byte character cut at 1 KiB is still text; anything else is binary.
    text = new TextDecoder('utf-8').decode(head);
    if (text.slice(0, -1).includes('\uFFFD')) return 'application/octet-stream';
  }
  if (/<\s*svg/i.test(text)) return 'image/svg+xml';
  if (/^\s*<\?xml/i.test(text.replace(/^\uFEFF/, ''))) return 'application/xml';
  if (MARKUP.test(text)) return 'text/html';
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return 'application/octet-stream';
  return 'text/plain';
}

/**
 * A file name fit to show and to offer as a download name: its last path segment, without
 * control, bidi or zero-width characters, at most {@link MAX_FILE_NAME_LENGTH} code points
 * (cut in the middle, keeping the extension), `file` when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = String(name).split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .trim();
  if (clean === '' || clean === '.' || clean === '..') clean = 'file';
  if (codePointLength(clean) <= MAX_FILE_NAME_LENGTH) return clean;
  const chars = [...clean];
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? [...clean.slice(dot)].slice(0, 20) : [];
  return [...chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1), '…', ...extension].join(
    '',
  );
}

/** Why an upload was refused: in `details.reason` of its `VALIDATION` error. */
export type UploadRefusal = 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED';

/** What a backend decided about an upload it accepts (it adds the id). */
export type CheckedUpload = Omit<Attachment, 'id'>;

/**
 * Checks an upload against `policy`: refuses an empty file, one larger than `maxBytes`, and
 * one whose bytes are not of an accepted type, each with a `VALIDATION` error whose
 * `details.reason` is the {@link UploadRefusal}. Accepts with the cleaned name, the sniffed
 * type and whether it may be previewed.
 */
export function checkUpload(
  upload: AttachmentUpload,
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
): Result<CheckedUpload> {
  if (typeof upload !== 'object' || upload === null || !(upload.bytes instanceof Uint8Array)) {
    return fail('VALIDATION', 'A file needs a name and its bytes.', { field: 'file' });
  }
  const name = cleanFileName(typeof upload.name === 'string' ? upload.name : '');
  const size = upload.bytes.byteLength;
  if (size === 0) {
    return fail('VALIDATION', `"${name}" is empty.`, { field: 'file', reason: 'FILE_EMPTY', name });
  }
  if (size > policy.maxBytes) {
    return fail('VALIDATION', `"${name}" is larger than ${formatBytes(policy.maxBytes)}.`, {
      field: 'file',
      reason: 'FILE_TOO_LARGE',
      name,
      size,
      maxBytes: policy.maxBytes,
    });
  }
  const type = sniffFileType(upload.bytes);
  if (!policy.types.includes(type)) {
    return fail('VALIDATION', `Files of type ${type} cannot be attached.`, {
      field: 'file',
      reason: 'FILE_TYPE_NOT_ALLOWED',
      name,
      type,
    });
  }
  const checked: CheckedUpload = { name, type, size };
  if (PREVIEW_TYPES.includes(type)) checked.image = true;
  return ok(checked);
}

/** A byte count as people read it: `512 B`, `3.4 KB`, `10 MB` (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown =
    value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

/**
 * Checks an attachment as a client receives it from a backend: the fields' types and bounds.
 * Returns the path of the first bad field, or `undefined` when it is sound.
 */
export function invalidAttachment(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return '';
  const attachment = value as Record<string, unknown>;
  if (typeof attachment.id !== 'string' || attachment.id === '' || attachment.id.length > 200)
    return 'id';
  if (
    typeof attachment.name !== 'string' ||
    codePointLength(attachment.name) > MAX_FILE_NAME_LENGTH
  ) {
    return 'name';
  }
  if (typeof attachment.type !== 'string' || attachment.type.length > 100) return 'type';
  if (
    typeof attachment.size !== 'number' ||
    !Number.isSafeInteger(attachment.size) ||
    attachment.size < 0
  ) {
    return 'size';
  }
  if (attachment.image !== undefined && attachment.image !== true) return 'image';
  if (attachment.image === true && !PREVIEW_TYPES.includes(attachment.type)) return 'image';
  return undefined;
}

/**
 * Whether `bytes` start like the raster image `type` says: checked again by the workspace
 * before it shows a preview, so a backend that was fooled still shows nothing but an image.
 */
export function isPreviewable(bytes: Uint8Array, type: string): boolean {
  return PREVIEW_TYPES.includes(type) && sniffFileType(bytes) === type;
}

/** The one-line text of a message that carries files but no text, for previews and alerts. */
export function attachmentsSummary(attachments: readonly Pick<Attachment, 'name'>[]): string {
  if (attachments.length === 0) return '';
  const first = `📎 ${attachments[0]?.name ?? ''}`;
  return attachments.length === 1 ? first : `${first} +${attachments.length - 1}`;
}
