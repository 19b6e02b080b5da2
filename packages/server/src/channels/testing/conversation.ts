/**
 * Test support: a new customer writes in through Telegram, an operator answers, on a backend of
 * either database; and waiting for what happens in the background.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandResult, Id, Message } from '@live-chat/core';
import { OPERATOR } from './channel-config.js';
import type { ChannelBackend } from './channel-databases.js';

let count = 0;

/** A new Telegram customer writes to Customer Support; resolves the (queued) session's id. */
export async function newTelegramSession(backend: ChannelBackend): Promise<Id> {
  const n = ++count;
  const customer = await backend.addCustomer({
    kind: 'external',
    name: `Customer ${n}`,
    account: `@customer_${n}`,
    messenger: 'telegram',
  });
  assert.ok(customer.ok);
  const written = await backend.customerWrites({
    customerId: customer.value.id,
    liveChatId: 'lc-support',
    channel: 'telegram',
    text: 'Hello?',
  });
  assert.ok(written.ok);
  return written.value.session.id;
}

/** The operator answers `text` in the session (taking it when queued). */
export async function operatorReplies(
  backend: ChannelBackend,
  sessionId: Id,
  text: string,
): Promise<CommandResult> {
  const n = ++count;
  return backend.execute(OPERATOR, {
    type: 'message.send',
    commandId: `c-${n}`,
    clientMessageId: `m-${n}`,
    sessionId,
    text,
  });
}

/** The session's operator messages. */
export async function operatorMessages(backend: ChannelBackend, sessionId: Id): Promise<Message[]> {
  return (await backend.messagesOf(sessionId)).filter((m) => m.author.kind === 'operator');
}

/** Resolves once `condition` holds (checked every 10 ms); rejects after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); await sleep(10)) {
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
  }
}
