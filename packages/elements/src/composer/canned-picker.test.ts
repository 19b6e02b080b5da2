import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatClient } from '@live-chat/core';
import './index.js'; // the entry, as a host imports it (it says where the file tray's code is)
import type { LiveChatComposer } from './composer.js';
import { cannedQueryAt } from './canned-insert.js';
import { mySessionId, newSession } from '../test/customer-writes.js';
import { seededClient, waitUntil } from '../test/seeded-client.js';

async function mount(client: LiveChatClient, sessionId: string): Promise<LiveChatComposer> {
  const el = await fixture<LiveChatComposer>(
    html`<live-chat-composer .client=${client} .sessionId=${sessionId}></live-chat-composer>`,
  );
  await waitUntil(() => client.getCannedReplies().length > 0, 'canned replies loaded');
  await waitUntil(() => !input(el).disabled, 'ready');
  return el;
}
const part = <T extends Element = HTMLElement>(el: LiveChatComposer, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const input = (el: LiveChatComposer) => part<HTMLTextAreaElement>(el, 'composer-input')!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shortcuts = (el: LiveChatComposer) =>
  [...el.shadowRoot!.querySelectorAll('[part~="canned-option"] .canned-shortcut')].map(text);
const active = (el: LiveChatComposer) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? text(el.shadowRoot!.getElementById(id)!.querySelector('.canned-shortcut')) : null;
};

/** Focuses the composer and types, as a user does. */
async function type(el: LiveChatComposer, keys: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: keys });
  await el.updateComplete;
}

describe('cannedQueryAt', () => {
  it('reads a `/` at the start of the text or of a word, up to the caret', () => {
    expect(cannedQueryAt('/ref', 4)).to.deep.equal({ start: 0, end: 4, query: 'ref' });
    expect(cannedQueryAt('Hi (/', 5)).to.deep.equal({ start: 4, end: 5, query: '' });
    expect(cannedQueryAt('ok /re-set.2', 12)).to.deep.equal({
      start: 3,
      end: 12,
      query: 're-set.2',
    });
    expect(cannedQueryAt('and/or', 6), 'inside a word').to.equal(undefined);
    expect(cannedQueryAt('see https://x', 13), 'a link').to.equal(undefined);
    expect(cannedQueryAt('/ref and', 8), 'a finished word').to.equal(undefined);
    expect(cannedQueryAt(`/${'a'.repeat(41)}`, 42), 'longer than a shortcut').to.equal(undefined);
  });
});

describe('live-chat-composer: canned replies', () => {
  it('lists matches after `/` (listbox, keyboard), and Enter inserts the reply', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    await type(el, 'Sure. /ref');
    const field = input(el);
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-controls')).to.equal('canned-list');
    expect(part(el, 'canned-list')!.getAttribute('role')).to.equal('listbox');
    expect(shortcuts(el)[0]).to.equal('/refund');
    expect(active(el)).to.equal('/refund');
    expect(text(part(el, 'canned-option'))).to.contain('Live chat');
    expect(text(part(el, 'canned-status'))).to.match(/canned repl(y|ies): Up and Down/);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(field.value).to.equal(
      'Sure. I have started your refund. It reaches your account within 5 working days.',
    );
    expect(part(el, 'canned'), 'closed').to.equal(null);
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(backend.messagesOf(session.id), 'not sent yet').to.have.length(1);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'sent');
    expect(backend.messagesOf(session.id)[1]!.text).to.contain('I have started your refund.');
  });

  it('fills the variables from the session, the customer and the user; personal replies first', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    await type(el, '/');
    expect(shortcuts(el)).to.include.members(['/hello', '/refund', '/tracking', '/thanks']);
    const thanks = [...el.shadowRoot!.querySelectorAll('[part~="canned-option"]')].find((o) =>
      text(o).startsWith('/thanks'),
    );
    expect(text(thanks!)).to.contain('Personal');
    await sendKeys({ type: 'helo' });
    await el.updateComplete;
    expect(active(el), 'letters in order find it').to.equal('/hello');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const customer = client.getSession(session.id)!.customer!.name;
    expect(input(el).value).to.equal(
      `Hello ${customer}, this is Anna Kowalski from Customer Support. How can I help?`,
    );
    expect(el.shadowRoot!.activeElement, 'focus stays in the field').to.equal(input(el));
  });

  it('loads the session’s customer on demand, so {{customer.name}} is filled', async () => {
    const { backend, client } = await seededClient();
    // One of the user's sessions from the shared seed: the snapshot did not carry its customer.
    const sessionId = mySessionId(backend);
    const session = backend.sessions().find((s) => s.id === sessionId)!;
    expect(client.getCustomer(session.customerId), 'not loaded before').to.equal(undefined);
    const el = await mount(client, session.id);
    await waitUntil(() => client.getSession(session.id)?.customer, 'the customer loaded');
    await type(el, '/hello');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const customer = backend.getCustomer(session.customerId)!.name;
    expect(input(el).value).to.match(new RegExp(`^Hello ${customer}, `));
  });

  it('moves with Up and Down (wrapping); Escape closes until the caret leaves that `/`', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend).id);
    await type(el, '/');
    const all = shortcuts(el);
    expect(active(el)).to.equal(all[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)).to.equal(all[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active(el), 'wraps to the last').to.equal(all[all.length - 1]);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'canned')).to.equal(null);
    await sendKeys({ type: 'tr' });
    await el.updateComplete;
    expect(part(el, 'canned'), 'stays closed on the same /').to.equal(null);
    await sendKeys({ type: ' /tr' });
    await el.updateComplete;
    expect(shortcuts(el), 'a new / opens it again').to.deep.equal(['/tracking']);
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(part(el, 'canned-list')).to.equal(null);
    expect(input(el).hasAttribute('aria-controls'), 'no list to point at').to.equal(false);
    await expect(el).to.be.accessible();
    expect(text(part(el, 'canned-status'))).to.equal('No canned reply matches “/trzzz”.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => input(el).value === '', 'Enter sends when nothing matches');
  });

  it("offers only the session's live chat's replies and the user's own", async () => {
    // Chloe works in Customer Support and the Website Help Desk.
    const { backend, client } = await seededClient({ userId: SEED_USERS.operatorC });
    const el = await mount(client, newSession(backend).id);
    expect(client.getCannedReplies().map((r) => r.shortcut)).to.include('reset-password');
    await type(el, '/');
    expect(shortcuts(el)).to.deep.equal(['/hello', '/refund', '/tracking']);
    await sendKeys({ type: 'reset' });
    await el.updateComplete;
    expect(shortcuts(el)).to.deep.equal([]);
  });

  it('works in Note mode too, beside the @mentions', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend).id);
    el.mode = 'note';
    await el.updateComplete;
    await type(el, 'FYI /track');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input(el).value).to.match(/^FYI You can follow your parcel/);
    expect(el.mode).to.equal('note');
  });
});
