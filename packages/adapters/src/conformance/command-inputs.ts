/**
 * Operator commands by intent, without their `commandId` (whoever sends one adds it): what the
 * conformance checks and this package's tests send.
 */
import type {
  AssigneeTarget,
  Binding,
  Channel,
  CommandInput,
  Id,
  SendMessageCommand,
} from '@live-chat/core';
import { newCommandId } from './probe.js';

/** Take a queued session. */
export const take = (sessionId: Id): CommandInput => ({ type: 'session.take', sessionId });

/** Close a session. */
export const close = (sessionId: Id): CommandInput => ({ type: 'session.close', sessionId });

/** Return an active session to the queue. */
export const returnToQueue = (sessionId: Id): CommandInput => ({
  type: 'session.return-to-queue',
  sessionId,
});

/** Rename a session. */
export const rename = (sessionId: Id, name: string): CommandInput => ({
  type: 'session.rename',
  sessionId,
  name,
});

/** Reassign a session to an operator or a group. */
export const reassign = (sessionId: Id, target: AssigneeTarget): CommandInput => ({
  type: 'session.reassign',
  sessionId,
  target,
});

/** An operator's message to a session, with a fresh `clientMessageId` unless given. */
export const reply = (
  sessionId: Id,
  text: string,
  clientMessageId: string = newCommandId(),
): Omit<SendMessageCommand, 'commandId'> => ({
  type: 'message.send',
  sessionId,
  clientMessageId,
  text,
});

/** +New Session: start a session with a customer through a channel of the live chat. */
export const startOutbound = (liveChatId: Id, customerId: Id, channel: Channel): CommandInput => ({
  type: 'session.start-outbound',
  liveChatId,
  customerId,
  channel,
});

/** Bind a host record to a session (the binding as given: tests send malformed ones too). */
export const bind = (sessionId: Id, binding: Binding | Record<string, unknown>): CommandInput => ({
  type: 'session.bind',
  sessionId,
  binding: binding as Binding,
});
