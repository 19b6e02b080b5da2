/**
 * End-to-end: canned replies as staff use them in the full workspace on the in-memory backend,
 * by keyboard only: an operator inserts one with `/` and sends it; the supervisor writes a new
 * one for the live chat in the editor, which the operator can then insert (variables filled)
 * but not change.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import { newSession } from '../test/customer-writes.js';
import { deepFocused, deepQuery } from '../test/deep-query.js';
import { pressKeys } from '../test/keyboard.js';
import { memoryBackend, startClient, waitUntil, type Backend } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import '../workspace/workspace.js';

/** `userId`'s workspace on the page, once it has loaded. */
async function workspaceOf(backend: Backend, userId: string) {
  const { client } = startClient(backend, { userId });
  const el = await fixture<LiveChatWorkspace>(
    html`<live-chat-workspace
      no-alerts
      idle-away-ms="0"
      style="display:block;width:1280px;height:760px"
      .client=${client}
    ></live-chat-workspace>`,
  );
  await waitUntil(() => client.status.state === 'ready', `${userId} ready`);
  await settle(el);
  return { el, client };
}

/** Opens the session and puts focus in its reply field. */
async function replyField(el: LiveChatWorkspace, sessionId: string): Promise<HTMLTextAreaElement> {
  el.sessionId = sessionId;
  const field = () => deepQuery<HTMLTextAreaElement>(el, '[part~="composer-input"]');
  await waitUntil(() => field() && !field()!.disabled, 'the reply field');
  field()!.focus();
  return field()!;
}

/** Opens the editor from the header's button with the keyboard; resolves with the editor. */
async function openEditor(el: LiveChatWorkspace): Promise<HTMLElement> {
  deepQuery(el, '[part~="canned-replies-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  const editor = () => deepQuery(el, 'live-chat-canned-replies');
  await waitUntil(
    () => editor()?.shadowRoot && deepQuery<HTMLDialogElement>(editor()!, 'dialog')?.open,
    'editor open',
  );
  await waitUntil(() => deepFocused() === deepQuery(editor()!, '[part~="search"]'), 'in search');
  return editor()!;
}

const reply = (editor: HTMLElement, shortcut: string) =>
  [...editor.shadowRoot!.querySelectorAll('[part~="reply"]')].find(
    (item) => item.querySelector('.shortcut')?.textContent?.trim() === `/${shortcut}`,
  );

const customerName = (client: LiveChatClient, sessionId: string) =>
  client.getSession(sessionId)!.customer!.name;

describe('canned replies, end to end', function () {
  this.timeout(30_000);

  it('Anna inserts /refund and sends it; Maria writes a live chat reply Anna can insert, not change', async () => {
    const backend = memoryBackend();
    const anna = await workspaceOf(backend, SEED_USERS.operatorA);
    const first = newSession(backend, ['Where is my money?']).id;

    // Anna: `/ref`, the list offers refund, Enter inserts it, Enter sends it.
    const field = await replyField(anna.el, first);
    await sendKeys({ type: '/ref' });
    await waitUntil(() => field.getAttribute('aria-activedescendant'), 'a reply highlighted');
    const option = deepQuery(anna.el, `#${field.getAttribute('aria-activedescendant')!}`)!;
    expect(option.textContent).to.contain('/refund');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => field.value.startsWith('I have started your refund.'), 'inserted');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.messagesOf(first).length === 2, 'sent');
    expect(backend.messagesOf(first)[1]!.text).to.equal(
      'I have started your refund. It reaches your account within 5 working days.',
    );

    // Maria: the header's button, New reply, kept for Customer Support, variables by button.
    const maria = await workspaceOf(backend, SEED_USERS.supervisor);
    const editor = await openEditor(maria.el);
    await pressKeys('Tab'); // New reply
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepFocused() === deepQuery(editor, '#shortcut'), 'the form');
    await sendKeys({ type: 'sorry-wait' });
    await pressKeys('Shift+Tab');
    await sendKeys({ press: 'ArrowDown' }); // Everyone in Customer Support
    await pressKeys('Tab');
    await pressKeys('Tab');
    await sendKeys({ type: 'Sorry for the wait, ' });
    await pressKeys('Tab'); // Customer's name
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '. ' });
    await pressKeys('Tab');
    await pressKeys('Tab'); // Your name
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: ' is on it.' });
    const text = deepQuery<HTMLTextAreaElement>(editor, '#text')!;
    expect(text.value).to.equal(
      'Sorry for the wait, {{customer.name}}. {{operator.name}} is on it.',
    );
    deepQuery(editor, '[part~="save"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => reply(editor, 'sorry-wait'), 'saved and listed');
    expect(deepFocused()?.getAttribute('aria-label')).to.equal('Edit /sorry-wait');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !deepQuery<HTMLDialogElement>(editor, 'dialog')!.open, 'closed');
    expect(deepFocused(), 'focus back on the button').to.equal(
      deepQuery(maria.el, '[part~="canned-replies-button"]'),
    );

    // Anna: the new reply arrives live, `/sorry` inserts it with the names filled.
    const second = newSession(backend, ['Hello?']).id;
    const again = await replyField(anna.el, second);
    await sendKeys({ type: '/sorry' });
    await waitUntil(() => again.getAttribute('aria-activedescendant'), 'the new reply offered');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => again.value.startsWith('Sorry'), 'inserted');
    expect(again.value).to.equal(
      `Sorry for the wait, ${customerName(anna.client, second)}. Anna Kowalski is on it.`,
    );

    // Anna's editor: Maria's reply is there, read only; her own are hers to change.
    const annaEditor = await openEditor(anna.el);
    await waitUntil(() => reply(annaEditor, 'sorry-wait'), 'listed for Anna');
    expect(reply(annaEditor, 'sorry-wait')!.querySelector('[part~="edit"]')).to.equal(null);
    expect(reply(annaEditor, 'thanks')!.querySelector('[part~="edit"]')).to.not.equal(null);
    const group = deepQuery(annaEditor, `[part~="read-only"]`)!;
    expect(group.textContent).to.contain('Read only');
    // Nor can she write a new one for the live chat: her replies are only her own.
    await pressKeys('Tab');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepFocused() === deepQuery(annaEditor, '#shortcut'), 'her form');
    const scopes = deepQuery<HTMLSelectElement>(annaEditor, '#scope')!;
    expect([...scopes.options].map((o) => o.value)).to.deep.equal(['personal']);
  });
});
