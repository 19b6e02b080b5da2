/**
 * The attachment policy of a server's backend: the defaults of `@live-chat/core`, with what a
 * deployment changed, checked. Types are named as the backend reads them from a file's bytes
 * (`sniffFileType`); markup types (HTML, SVG, XML) can never be allowed, since a browser that
 * opened such a file could run what is in it.
 */
import {
  DEFAULT_ATTACHMENT_POLICY,
  MAX_ATTACHMENT_IDS,
  type AttachmentPolicy,
} from '@live-chat/core';

/** Largest file size a server accepts at all: files are held in memory while they pass. */
export const MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024;

/** Every type a policy may allow: what `sniffFileType` answers, markup aside. */
export const ALLOWABLE_ATTACHMENT_TYPES: readonly string[] = Object.freeze([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'text/plain',
  'application/octet-stream',
]);

/** Types a policy may never allow, with why. */
const MARKUP_TYPES = ['text/html', 'image/svg+xml', 'application/xml'];

/**
 * Why a value is not a policy field, or `undefined` when it is fine: `maxBytes` a whole number
 * from 1 to {@link MAX_ATTACHMENT_BYTES}, `perMessage` from 1 to `MAX_ATTACHMENT_IDS`, `types`
 * a non-empty list of {@link ALLOWABLE_ATTACHMENT_TYPES}.
 */
export function attachmentPolicyProblem(
  field: keyof AttachmentPolicy,
  value: unknown,
): string | undefined {
  const whole = (max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
      ? undefined
      : `must be a whole number from 1 to ${max}`;
  if (field === 'maxBytes') return whole(MAX_ATTACHMENT_BYTES);
  if (field === 'perMessage') return whole(MAX_ATTACHMENT_IDS);
  if (!Array.isArray(value) || value.length === 0) return 'must name at least one type';
  for (const type of value as unknown[]) {
    if (typeof type === 'string' && MARKUP_TYPES.includes(type)) {
      return `may not allow ${type}: a browser could run what such a file holds`;
    }
    if (typeof type !== 'string' || !ALLOWABLE_ATTACHMENT_TYPES.includes(type)) {
      return `may hold only ${ALLOWABLE_ATTACHMENT_TYPES.join(', ')} (got "${String(type)}")`;
    }
  }
  return undefined;
}

/**
 * The policy with the defaults filled in (`DEFAULT_ATTACHMENT_POLICY`: 10 MiB, 5 files, raster
 * images, PDF, text and ZIP); throws a `TypeError` naming the first bad field.
 */
export function resolveAttachmentPolicy(policy: Partial<AttachmentPolicy> = {}): AttachmentPolicy {
  const resolved: AttachmentPolicy = {
    maxBytes: policy.maxBytes ?? DEFAULT_ATTACHMENT_POLICY.maxBytes,
    perMessage: policy.perMessage ?? DEFAULT_ATTACHMENT_POLICY.perMessage,
    types: [...new Set(policy.types ?? DEFAULT_ATTACHMENT_POLICY.types)],
  };
  for (const field of ['maxBytes', 'perMessage', 'types'] as const) {
    const problem = attachmentPolicyProblem(field, resolved[field]);
    if (problem) throw new TypeError(`attachments.policy.${field} ${problem}.`);
  }
  return Object.freeze({ ...resolved, types: Object.freeze(resolved.types) });
}
