import type { AttachmentUpload, Channel, Id, TransportAdapter } from '@live-chat/core';
import type { CustomerMessageInput } from '@live-chat/core/engine';

/**
 * A customer message, as the harness's customer side receives it: what `customerWrites` of an
 * engine backend takes (files, when given, were uploaded with `customerUpload` before).
 */
export type HarnessCustomerMessage = CustomerMessageInput;

/**
 * What a backend provides to be checked by {@link runAdapterConformance}. The suite calls the
 * factory once per check, so each check starts from a fresh harness (a fresh backend, or at
 * least fresh customers), and calls `dispose()` at the end.
 *
 * Requirements on the data behind the harness:
 * - `liveChatId` is a live chat with `reopenToLastOperator` off, connected to `channel`;
 * - `users.operatorA` and `users.operatorB` are operators of it (not supervisors), both among
 *   its reassignment targets;
 * - `users.supervisor` supervises it and is not one of its operators;
 * - `users.outsider` is staff who is neither operator nor supervisor of it;
 * - `customerIds` are at least three customers who have no session in `liveChatId` yet, nor in
 *   any live chat of `users.outsider`, and can write through `channel`;
 * - `users.internal`, when given, is a user who is not staff (an internal user, who writes in
 *   as a customer);
 * - `contactId`, when given, is a customer with no session in any live chat (a contact the host
 *   added), not among `customerIds`;
 * - `group`, when given, is an operator group of `liveChatId` among its reassignment targets,
 *   with `operatorB` a member and `operatorA` not.
 */
export interface ConformanceHarness {
  /** A new adapter signed in as `userId` (the suite disposes it when the check ends). */
  adapterFor(userId: Id): TransportAdapter;
  /** The customer side: a customer writes to a live chat. Resolves once the backend accepted it. */
  customerWrites(message: HarnessCustomerMessage): Promise<void> | void;
  /**
   * Optional: the customer side of attachments: stores a file a customer sends and resolves
   * its id, for a following `customerWrites`. Without it, the customer-file check passes at once.
   */
  customerUpload?(customerId: Id, file: AttachmentUpload): Promise<Id>;
  /** Optional: a customer types (or stops) in their open session of a live chat. */
  customerTyping?(customerId: Id, liveChatId: Id, typing: boolean): Promise<void>;
  /**
   * Optional: calls `listener` with each operator typing signal the backend passes on to the
   * channels; returns the function that stops it.
   */
  onOperatorTyping?(listener: (sessionId: Id, userId: Id, typing: boolean) => void): () => void;
  users: {
    operatorA: Id;
    operatorB: Id;
    supervisor: Id;
    outsider: Id;
    /** Optional: a user who is not staff; without it, the checks of what they may read skip them. */
    internal?: Id;
  };
  liveChatId: Id;
  /** A channel of `liveChatId` the customers write through. */
  channel: Channel;
  customerIds: readonly Id[];
  /**
   * Optional: a customer of no live chat yet, whom any staff may find and start a session with;
   * without it, the customer read checks skip that part.
   */
  contactId?: Id;
  group?: { groupId: Id };
  /** Releases the backend. */
  dispose?(): Promise<void> | void;
}

/** Creates a fresh harness for one check. */
export type ConformanceFactory = () => ConformanceHarness | Promise<ConformanceHarness>;

/** Options of the suite. */
export interface ConformanceOptions {
  /** How long to wait for an expected event, in ms (default 2000). */
  timeoutMs?: number;
}

/** One named, framework-independent check. */
export interface ConformanceCheck {
  /** What the check proves, as a test name. */
  name: string;
  /** Runs the check on a fresh harness; rejects with a `ConformanceError` that says what broke. */
  run(): Promise<void>;
}
