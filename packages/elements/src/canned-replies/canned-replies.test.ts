import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { LiveChatClient } from '@live-chat/core';
import { deepFocused } from '../test/deep-query.js';
import { pressKeys } from '../test/keyboard.js';
import { memoryBackend, seededClient, startClient, waitUntil } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import type { LiveChatCannedReplies } from './canned-replies.js';
import './canned-replies.js';

const SUPPORT = SEED_LIVE_CHATS.support;

async function open(client: LiveChatClient): Promise<LiveChatCannedReplies> {
  const el = await fixture<LiveChatCannedReplies>(
    html`<live-chat-canned-replies .client=${client}></live-chat-canned-replies>`,
  );
  await el.show();
  await el.updateComplete;
  return el;
}
const $ = <T extends HTMLElement = HTMLElement>(el: LiveChatCannedReplies, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const part = <T extends HTMLElement = HTMLElement>(el: LiveChatCannedReplies, name: string) =>
  $<T>(el, `[part~="${name}"]`);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const headings = (el: LiveChatCannedReplies) =>
  [...el.shadowRoot!.querySelectorAll('[part~="group"] h3')].map(text);
const reply = (el: LiveChatCannedReplies, shortcut: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="reply"]')].find(
    (item) => text(item.querySelector('.shortcut')) === `/${shortcut}`,
  );
const inReply = (el: LiveChatCannedReplies, shortcut: string, name: string) =>
  reply(el, shortcut)?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Waits until `target` has focus. */
const focusOn = (target: () => Element | null, what: string) =>
  waitUntil(() => target() !== null && deepFocused() === target(), `focus on ${what}`);

describe('live-chat-canned-replies', () => {
  it('lists the replies by scope: an operator keeps their own, reads their live chat’s', async () => {
    const { client } = await seededClient();
    const el = await open(client);
    await waitUntil(() => reply(el, 'refund'), 'listed');
    expect(part(el, 'dialog')!.hasAttribute('open')).to.equal(true);
    expect(deepFocused(), 'focus in the search').to.equal(part(el, 'search'));
    expect(headings(el)).to.deep.equal([
      'Personal — only you',
      'Customer Support — everyone in this live chat',
    ]);
    expect(inReply(el, 'thanks', 'edit'), 'own reply editable').to.not.equal(null);
    expect(inReply(el, 'refund', 'edit'), 'read only').to.equal(null);
    expect(text(part(el, 'read-only'))).to.contain('the supervisors of this live chat keep');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'trak' });
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Customer Support — everyone in this live chat']);
    expect(reply(el, 'tracking')).to.not.equal(undefined);
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(text(part(el, 'notice'))).to.equal('No canned reply matches “trakxyz”.');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'search')!.value, 'Escape clears the search').to.equal('');
    expect(headings(el)).to.have.length(2);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'then closes');
  });

  it('lets a supervisor create a live chat’s reply with the keyboard, variables inserted', async () => {
    const { backend, client } = await seededClient({ userId: SEED_USERS.supervisor });
    const el = await open(client);
    await waitUntil(() => reply(el, 'refund'), 'listed');
    expect(inReply(el, 'refund', 'edit'), 'a supervisor keeps them').to.not.equal(null);
    part(el, 'new')!.focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(() => $(el, '#shortcut'), 'the shortcut');
    expect(text(part(el, 'form-title'))).to.equal('New canned reply');

    await pressKeys('Shift+Tab'); // the scope
    const scope = $<HTMLSelectElement>(el, '#scope')!;
    expect(deepFocused()).to.equal(scope);
    expect([...scope.options].map((o) => o.text.trim())).to.deep.equal([
      'Only me (personal)',
      'Everyone in Customer Support',
      'Everyone in Website Help Desk',
    ]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(scope.value).to.equal(SUPPORT);

    await pressKeys('Tab');
    await sendKeys({ type: 'welcome back' });
    await pressKeys('Tab');
    await sendKeys({ type: 'Welcome back, ' });
    const customerName = $(el, '[data-variable="customer.name"]')!;
    customerName.focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(() => $(el, '#text'), 'the text again');
    await sendKeys({ type: '!' });
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#text')!.value).to.equal('Welcome back, {{customer.name}}!');

    part(el, 'save')!.focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(() => $(el, '#shortcut'), 'the shortcut, which is wrong');
    expect($(el, '#shortcut')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#shortcut-problem'))).to.contain('only letters, digits');
    await expect(el).to.be.accessible();

    const shortcut = $<HTMLInputElement>(el, '#shortcut')!;
    shortcut.select();
    await sendKeys({ type: 'refund' });
    part(el, 'save')!.focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(() => $(el, '#shortcut'), 'the shortcut, which is taken');
    expect(text($(el, '#shortcut-problem'))).to.equal(
      '/refund is already used here. Choose another shortcut.',
    );

    shortcut.select();
    await sendKeys({ type: 'welcome-back' });
    part(el, 'save')!.focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(() => inReply(el, 'welcome-back', 'edit'), 'the new reply');
    const stored = backend.exportState().cannedReplies ?? [];
    expect(stored.find((r) => r.shortcut === 'welcome-back')).to.deep.include({
      scope: { kind: 'live-chat', liveChatId: SUPPORT },
      text: 'Welcome back, {{customer.name}}!',
    });
    expect(text(el.shadowRoot!.querySelector('.visually-hidden[role="status"]'))).to.equal(
      'Saved /welcome-back.',
    );
  });

  it('checks the text as the composer does, and Escape leaves the form for the list', async () => {
    const { client } = await seededClient();
    const el = await open(client);
    await waitUntil(() => part(el, 'new'), 'listed');
    part(el, 'new')!.click();
    await focusOn(() => $(el, '#shortcut'), 'the shortcut');
    await sendKeys({ type: 'sorry' });
    part(el, 'save')!.click();
    await focusOn(() => $(el, '#text'), 'the empty text');
    expect(text($(el, '#text-problem'))).to.equal('Write a message first: it cannot be empty.');
    const field = $<HTMLTextAreaElement>(el, '#text')!;
    field.value = 'x'.repeat(4001);
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(part(el, 'count'))).to.equal('4,001 / 4,000 — 1 character over the limit');
    expect(field.getAttribute('aria-invalid')).to.equal('true');

    await sendKeys({ press: 'Escape' });
    await focusOn(() => part(el, 'new'), 'New reply again');
    expect(el.open, 'still open').to.equal(true);
    expect(reply(el, 'sorry'), 'nothing saved').to.equal(undefined);
  });

  it('asks before deleting, focus on the safe choice', async () => {
    const { backend, client } = await seededClient();
    const el = await open(client);
    await waitUntil(() => reply(el, 'thanks'), 'listed');
    inReply(el, 'thanks', 'delete')!.focus();
    expect(deepFocused()!.getAttribute('aria-label')).to.equal('Delete /thanks');
    await sendKeys({ press: 'Enter' });
    await focusOn(() => inReply(el, 'thanks', 'confirm-no'), 'Keep it');
    expect(text(part(el, 'confirm'))).to.contain('Delete /thanks? This cannot be undone.');
    await sendKeys({ press: 'Escape' });
    await focusOn(() => inReply(el, 'thanks', 'delete'), 'Delete again');
    expect(el.open).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await focusOn(() => inReply(el, 'thanks', 'confirm-no'), 'Keep it');
    await pressKeys('Tab');
    expect(deepFocused()).to.equal(inReply(el, 'thanks', 'confirm-yes'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !reply(el, 'thanks'), 'deleted');
    const stored = backend.exportState().cannedReplies ?? [];
    expect(stored.map((r) => r.shortcut)).to.not.include('thanks');
    await focusOn(() => part(el, 'new'), 'New reply, nothing personal is left');
    expect(text(el.shadowRoot!.querySelector('.visually-hidden[role="status"]'))).to.equal(
      'Deleted /thanks.',
    );
  });

  it('says when it is loading, could not load, has no reply yet, and is offline', async () => {
    const { users, liveChats, groups, customers } = createSeedData({ now: Date.now() });
    const backend = memoryBackend({ users, liveChats, groups, customers });
    const loading = startClient(backend, { latencyMs: 60_000 });
    const el = await open(loading.client);
    expect(text(part(el, 'notice'))).to.equal('Loading canned replies…');
    el.close();

    const failed = startClient(backend, { offline: true });
    const error = await open(failed.client);
    await waitUntil(() => error.shadowRoot!.querySelector('[role="alert"]'), 'failed');
    expect(text(error.shadowRoot!.querySelector('[role="alert"]'))).to.equal(
      'Canned replies could not be loaded. You are offline.',
    );
    error.close();

    const { client, adapter } = startClient(backend);
    await waitUntil(() => client.status.state === 'ready', 'loaded');
    const empty = await open(client);
    await waitUntil(() => part(empty, 'new'), 'loaded');
    expect(text(part(empty, 'notice'))).to.contain('No canned replies yet.');

    adapter.simulateConnection('offline');
    await waitUntil(() => part<HTMLButtonElement>(empty, 'new')!.disabled, 'offline');
    expect(text(empty.shadowRoot!.querySelector('.offline'))).to.contain('You are offline');
  });

  it('leaves no subscription behind', async () => {
    const { client } = await seededClient();
    await testForLeaks(
      ({ client: counted }) =>
        html`<live-chat-canned-replies .client=${counted}></live-chat-canned-replies>`,
      { client, rounds: 10 },
    );
  });
});
