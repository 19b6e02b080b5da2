/**
 * The optional members of the adapter contract across tabs: which of them the real adapter has
 * (the leader tells the followers, with its attachment policy), and how a shared adapter takes
 * exactly those on, so a client sees the same members in every tab of the group.
 */
import { EMPTY, type Observable } from 'rxjs';
import { DEFAULT_ATTACHMENT_POLICY, LiveChatError, sendRequest } from '@live-chat/core';
import type {
  Attachment,
  AttachmentPolicy,
  AttachmentUpload,
  Customer,
  CustomerQuery,
  Id,
  TransportAdapter,
  TypingSignal,
} from '@live-chat/core';

/** An optional member a shared adapter passes on (`attachmentPolicy` comes with `upload`). */
export type OptionalMember = 'customers' | 'upload' | 'download' | 'typing$' | 'sendTyping';

/** Every {@link OptionalMember}. */
export const OPTIONAL_MEMBERS: readonly OptionalMember[] = Object.freeze([
  'customers',
  'upload',
  'download',
  'typing$',
  'sendTyping',
]);

/** What the real adapter has beyond the required members, as the leader tells the followers. */
export interface AdapterOffer {
  /** Its optional members. */
  members: OptionalMember[];
  /** The policy a wrapper shows for it (see {@link attachmentPolicyOf}), when there is one. */
  attachmentPolicy?: AttachmentPolicy;
}

/** How a wrapper carries out each optional member it offers. */
export interface OptionalMemberCalls {
  /** The wrapper's `customers`. */
  customers(query: CustomerQuery): Promise<Customer[]>;
  /** The wrapper's `upload`. */
  upload(file: AttachmentUpload): Promise<Attachment>;
  /** The wrapper's `download`. */
  download(attachmentId: Id): Promise<Uint8Array>;
  /** The wrapper's `typing$`. */
  readonly typing$: Observable<TypingSignal>;
  /** The wrapper's `sendTyping`. */
  sendTyping(sessionId: Id, typing: boolean): void;
  /** Read each time the wrapper's `attachmentPolicy` is. */
  attachmentPolicy(): AttachmentPolicy | undefined;
}

/**
 * The attachment policy a wrapper of `adapter` shows: the adapter's own, the default when it has
 * `upload` and does not tell one (as the client would take it), and none without `upload`.
 */
export function attachmentPolicyOf(adapter: TransportAdapter): AttachmentPolicy | undefined {
  if (!adapter.upload) return undefined;
  return 'attachmentPolicy' in adapter ? adapter.attachmentPolicy : DEFAULT_ATTACHMENT_POLICY;
}

/** What `adapter` offers beyond the required members, now. */
export function offerOf(adapter: TransportAdapter): AdapterOffer {
  const members = OPTIONAL_MEMBERS.filter((member) => adapter[member] !== undefined);
  const attachmentPolicy = attachmentPolicyOf(adapter);
  return attachmentPolicy ? { members, attachmentPolicy } : { members };
}

/** The offer a message of another tab carries: unknown members dropped, a policy kept only when whole. */
export function readOffer(value: unknown): AdapterOffer {
  const offer = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const listed = Array.isArray(offer.members) ? (offer.members as unknown[]) : [];
  const members = OPTIONAL_MEMBERS.filter((member) => listed.includes(member));
  const policy = offer.attachmentPolicy as Partial<AttachmentPolicy> | null | undefined;
  if (
    typeof policy?.maxBytes !== 'number' ||
    typeof policy.perMessage !== 'number' ||
    !Array.isArray(policy.types)
  ) {
    return { members };
  }
  const { maxBytes, perMessage } = policy;
  const types = policy.types.filter((type): type is string => typeof type === 'string');
  return { members, attachmentPolicy: { maxBytes, perMessage, types } };
}

/**
 * Gives `target` exactly the optional `members` (with `attachmentPolicy` exactly when `upload`),
 * as own properties carried out by `calls`, and takes away the others: `'upload' in target`
 * and `'attachmentPolicy' in target` say what the real adapter has. A member the target's
 * class has anyway (`customers`, from `AdapterBase`) is taken away as an own `undefined`, so
 * `target.customers` says it.
 */
export function offerMembers(
  target: object,
  members: readonly OptionalMember[],
  calls: OptionalMemberCalls,
): void {
  const define = (name: OptionalMember | 'attachmentPolicy', on: boolean, value: unknown) => {
    if (!on) {
      Reflect.deleteProperty(target, name);
      if (name in target) {
        Object.defineProperty(target, name, {
          value: undefined,
          writable: false,
          configurable: true,
        });
      }
      return;
    }
    const property: PropertyDescriptor =
      name === 'attachmentPolicy' ? { get: calls.attachmentPolicy } : { value, writable: false };
    Object.defineProperty(target, name, { ...property, enumerable: true, configurable: true });
  };
  for (const member of OPTIONAL_MEMBERS) define(member, members.includes(member), calls[member]);
  define('attachmentPolicy', members.includes('upload'), undefined);
}

/** `adapter.customers(query)`, or `NOT_FOUND` from an adapter whose snapshot carries them. */
export function customersWith(
  adapter: TransportAdapter,
  query: CustomerQuery,
): Promise<Customer[]> {
  return sendRequest(adapter, { op: 'customers', query }) as Promise<Customer[]>;
}

/** `adapter.upload(file)`, or the refusal of an adapter that takes no files. */
export function uploadWith(adapter: TransportAdapter, file: AttachmentUpload): Promise<Attachment> {
  if (!adapter.upload) {
    return Promise.reject(
      new LiveChatError('VALIDATION', 'This backend takes no files.', { field: 'file' }),
    );
  }
  return adapter.upload(file);
}

/** `adapter.download(attachmentId)`, or `NOT_FOUND` from an adapter that serves no files. */
export function downloadWith(adapter: TransportAdapter, attachmentId: Id): Promise<Uint8Array> {
  if (!adapter.download) {
    return Promise.reject(
      new LiveChatError('NOT_FOUND', 'Files cannot be fetched here.', { attachmentId }),
    );
  }
  return adapter.download(attachmentId);
}

/** `adapter.sendTyping(sessionId, typing)` when it has it: fire and forget, never throws. */
export function passTyping(adapter: TransportAdapter, sessionId: unknown, typing: unknown): void {
  if (typeof sessionId !== 'string' || typeof typing !== 'boolean') return;
  try {
    adapter.sendTyping?.(sessionId, typing);
  } catch {
    // A lost typing signal lapses by itself.
  }
}

/** The optional members of `adapter` itself, passed straight on (for a tab that shares nothing). */
export function passedOn(adapter: TransportAdapter): OptionalMemberCalls {
  return {
    customers: (query) => customersWith(adapter, query),
    upload: (file) => uploadWith(adapter, file),
    download: (attachmentId) => downloadWith(adapter, attachmentId),
    typing$: adapter.typing$ ?? EMPTY,
    sendTyping: (sessionId, typing) => passTyping(adapter, sessionId, typing),
    attachmentPolicy: () => attachmentPolicyOf(adapter),
  };
}
