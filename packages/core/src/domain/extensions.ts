import type { Customer, LiveChat, Message, Session } from './types.js';

/** A record in the host application that a session, a customer or a message can be bound to. */
export interface HostRecord {
  id: string;
  /** Text shown for the record (treated as text, never markup). */
  label: string;
  /** Optional link to the record in the host application (http, https only). */
  url?: string;
}

/** What an extension point is called with. */
export interface SessionContext {
  session: Session;
  liveChat: LiveChat | undefined;
  customer: Customer | undefined;
  /** Present when the user acts on one message. */
  message?: Message;
}

/**
 * A host-provided binder: finds, binds and creates records of one host app for a session's
 * customer ("To bind account") or for a message ("register message"), e.g. "Reclamations".
 */
export interface Binder {
  /** Stable id, stored in bindings. */
  id: string;
  /** Name of the host app, e.g. "Reclamations". */
  label: string;
  /** What it binds: the session's customer account, or a single message. */
  target: 'customer' | 'message';
  /** Finds existing records to bind; omitted when the host only creates. */
  search?(query: string, context: SessionContext): Promise<HostRecord[]>;
  /** Creates a new record from the session (or message) and returns it. */
  create?(context: SessionContext): Promise<HostRecord>;
}

/** A host-provided action offered in the +Actions menu, e.g. "Start business process". */
export interface HostAction {
  id: string;
  label: string;
  /** Runs the action; a returned message is shown to the operator. */
  run(context: SessionContext): Promise<void | { message?: string }>;
}

/** Host support for "add to customers" on external customers. */
export interface CustomerDirectory {
  /** Adds the external customer to the host's customer database; may resolve to the record created. */
  addCustomer(customer: Customer): Promise<HostRecord | void>;
}
