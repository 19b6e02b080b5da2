import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatClient } from '@live-chat/core';
import './index.js'; // the entry, as a host imports it (it says where the file tray's code is)
import type { LiveChatComposer } from './composer.js';
import { mentionsInText, mentionQueryAt, splitMentions } from './mentions.js';
import { newSession } from '../test/customer-writes.js';
import { seededClient, waitUntil } from '../test/seeded-client.js';

async function mount(client: LiveChatClient, sessionId: string): Promise<LiveChatComposer> {
  const el = await fixture<LiveChatComposer>(
    html`<live-chat-composer .client=${client} .sessionId=${sessionId}></live-chat-composer>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="mode"]'), 'ready');
  return el;
}
const part = <T extends Element = HTMLElement>(el: LiveChatComposer, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const input = (el: LiveChatComposer) => part<HTMLTextAreaElement>(el, 'composer-input')!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Switches to Note with the keyboard, as a user does: Tab to Reply, then the arrow key. */
async function toNote(el: LiveChatComposer): Promise<void> {
  el.shadowRoot!.querySelector<HTMLInputElement>('input[value="reply"]')!.focus();
  await sendKeys({ press: 'ArrowRight' });
  await el.updateComplete;
}

describe('live-chat-composer: notes and mentions', () => {
  it('switches to Note with the keyboard: it looks and says different, and takes no session', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    expect(text(part(el, 'composer-hint'))).to.contain('Replying takes this session');
    await toNote(el);
    expect(el.mode).to.equal('note');
    expect(part(el, 'composer')!.getAttribute('part')).to.equal('composer note');
    expect(text(part(el, 'composer-hint'))).to.equal('Note — only your colleagues see this.');
    expect(input(el).labels![0]!.textContent).to.equal('Private note');
    await expect(el).to.be.accessible();

    input(el).focus();
    await sendKeys({ type: 'Customer seems upset' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'stored');
    const note = backend.messagesOf(session.id)[1]!;
    expect(note.internal).to.equal(true);
    expect('mentions' in note).to.equal(false);
    expect(backend.getSession(session.id)!.status, 'still queued').to.equal('queued');
  });

  it('lets a user who may only read the session leave a note', async () => {
    const { backend, client } = await seededClient({ userId: SEED_USERS.supervisor });
    const session = newSession(backend);
    backend.execute(SEED_USERS.operatorB, {
      type: 'session.take',
      commandId: 'b',
      sessionId: session.id,
    });
    const el = await mount(client, session.id);
    await waitUntil(() => client.getSession(session.id)?.session.status === 'active', 'taken');
    await el.updateComplete;
    await toNote(el);
    expect(el.acceptsInput).to.equal(true);
    input(el).value = 'Supervisor checked: fine.';
    input(el).dispatchEvent(new Event('input'));
    await el.send();
    await waitUntil(() => backend.messagesOf(session.id).some((m) => m.internal), 'note stored');
  });

  it('suggests colleagues after @ (combobox list, keyboard), inserts @Name and sends the mention', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    await toNote(el);
    input(el).focus();
    await sendKeys({ type: 'Ask @' });
    await el.updateComplete;
    const list = part(el, 'mention-list')!;
    expect(list.getAttribute('role')).to.equal('listbox');
    expect(input(el).getAttribute('aria-controls')).to.equal(list.id);
    const names = [...list.querySelectorAll('[role="option"]')].map((o) => text(o));
    expect(names).to.include('Ben Okafor');
    expect(names).to.include('Maria Lopez');
    expect(names, 'not the user').not.to.include('Anna Kowalski');
    expect(names, 'not another chat’s operator').not.to.include('Elena Rossi');

    await sendKeys({ type: 'be' });
    await el.updateComplete;
    const options = [...part(el, 'mention-list')!.querySelectorAll('[role="option"]')];
    expect(options.map((o) => text(o))).to.deep.equal(['Ben Okafor']);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(text(part(el, 'mention-status'))).to.contain('1 colleague');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input(el).value).to.equal('Ask @Ben Okafor ');
    expect(part(el, 'mention-list')).to.equal(null);
    await sendKeys({ type: 'about the refund' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'stored');
    const note = backend.messagesOf(session.id)[1]!;
    expect(note.text).to.equal('Ask @Ben Okafor about the refund');
    expect(note.mentions).to.deep.equal([SEED_USERS.operatorB]);
  });

  it('says when no colleague matches, and Escape closes the suggestions', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend).id);
    await toNote(el);
    input(el).focus();
    await sendKeys({ type: '@zzz' });
    await el.updateComplete;
    expect(part(el, 'mention-list')).to.equal(null);
    expect(text(part(el, 'mention-status'))).to.equal(
      'No colleague of this live chat is called “zzz”.',
    );
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'mentions')).to.equal(null);
  });

  it('reads mentions from the text: a deleted @Name is not sent, at most 20', () => {
    const ben = { id: 'op-ben', name: 'Ben Okafor' };
    const chloe = { id: 'op-chloe', name: 'Chloe Martin' };
    expect(mentionsInText('@Ben Okafor and @Chloe Martin', [ben, chloe])).to.deep.equal([
      'op-ben',
      'op-chloe',
    ]);
    expect(mentionsInText('only @Chloe Martin now', [ben, chloe])).to.deep.equal(['op-chloe']);
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `u${i}`, name: `N${i}x` }));
    expect(mentionsInText(many.map((c) => `@${c.name}`).join(' '), many)).to.have.length(20);
    expect(mentionQueryAt('mail me at a@b', 14), 'an address is no mention').to.equal(undefined);
    expect(mentionQueryAt('hi @Be', 6)).to.deep.equal({ start: 3, end: 6, query: 'Be' });
    expect(splitMentions('<i>@Ben Okafor</i>', ['Ben Okafor'])).to.deep.equal([
      { text: '<i>' },
      { text: '@Ben Okafor', mention: true },
      { text: '</i>' },
    ]);
  });
});
