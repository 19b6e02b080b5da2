/**
 * Test support: a ledger of the messages a test sent while a server failed under it (each text,
 * how its send was answered, and whether it began before or after the failure), and the check
 * that the stored messages hold every acknowledged one exactly once, under the id it was
 * acknowledged with, and nothing that was never sent.
 */
import assert from 'node:assert/strict';
import type { Id, Message } from '@live-chat/core';

/** Whether a send began before the failure or after it began. */
export type SendPhase = 'before' | 'after';

/** One send of the ledger. */
export interface SendRecord {
  text: string;
  /** Whether it was acknowledged. */
  ok: boolean;
  /** The stored message's id, when acknowledged. */
  messageId?: Id;
  phase: SendPhase;
}

/** The ledger (see the module comment). */
export class SendLedger {
  /** Every send so far, in the order their answers came. */
  readonly records: SendRecord[] = [];
  /** The phase sends that begin now are recorded in. */
  phase: SendPhase = 'before';

  /**
   * Sends `text` with `send`, which answers the stored message's id (`undefined`: refused), and
   * records the answer in the phase the send began in.
   */
  async send(text: string, send: () => Promise<Id | undefined>): Promise<void> {
    const phase = this.phase;
    const messageId = await send();
    this.records.push({ text, ok: messageId !== undefined, messageId, phase });
  }

  /** The records whose text starts with `prefix`. */
  of(prefix: string): SendRecord[] {
    return this.records.filter((record) => record.text.startsWith(prefix));
  }

  /** How many sends (of those whose text starts with `prefix`) were acknowledged in `phase`. */
  acknowledged(phase: SendPhase, prefix = ''): number {
    return this.of(prefix).filter((record) => record.ok && record.phase === phase).length;
  }

  /** One line: how many were acknowledged before and after the failure, and how many refused. */
  summary(prefix = ''): string {
    const refused = this.of(prefix).filter((record) => !record.ok).length;
    return `${this.acknowledged('before', prefix)} acknowledged before, ${this.acknowledged('after', prefix)} after, ${refused} refused`;
  }

  /**
   * Asserts that `stored` (one session's messages) holds no text or id twice, every
   * acknowledged send of `prefix` exactly once under its id, and, of the messages `ours` picks,
   * only texts that were sent.
   */
  assertStoredOnce(stored: readonly Message[], prefix: string, ours: (m: Message) => boolean) {
    const texts = stored.map((m) => m.text);
    assert.equal(new Set(texts).size, texts.length, `${prefix}: a message is doubled`);
    assert.equal(new Set(stored.map((m) => m.id)).size, stored.length, `${prefix}: an id twice`);
    const mine = this.of(prefix);
    for (const record of mine.filter((r) => r.ok)) {
      const found = stored.filter((m) => m.text === record.text);
      assert.equal(found.length, 1, `${record.text} is stored ${found.length} times`);
      assert.equal(found[0]!.id, record.messageId);
    }
    const sent = new Set(mine.map((r) => r.text));
    for (const message of stored.filter(ours)) {
      assert.ok(sent.has(message.text), `unexpected ${message.text}`);
    }
  }
}
