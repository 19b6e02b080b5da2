import '../../locales/ru.js'; // the Russian texts, which one of these tests shows
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TAG_LIMITS, type SessionTag } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import { newSession } from '../../test/customer-writes.js';
import {
  connectClient,
  memoryBackend,
  seed,
  seededClient,
  waitUntil,
} from '../../test/seeded-client.js';
import { itBehavesLikeAPart, partHarness } from '../about-session-testing.js';
import './session-triage.js';
import type { LiveChatSessionTriage } from './session-triage.js';

const part = partHarness<LiveChatSessionTriage>('live-chat-session-triage');
const { mount, $, $$, focused } = part;

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const chips = (el: LiveChatSessionTriage) => $$(el, '[part~="tag"]').map(text);
const checkbox = (el: LiveChatSessionTriage, label: string) =>
  $$<HTMLLabelElement>(el, '[part~="tag-option"]')
    .find((option) => text(option) === label)!
    .querySelector('input')!;

describe('live-chat-session-triage', () => {
  it('shows no tags, and the live chat’s tags to choose from, from the keyboard', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await client.take(session.id);
    const el = await mount(client, session.id);
    expect(text($(el, '[part="tags"]'))).to.equal('No tags');
    const edit = $<HTMLButtonElement>(el, '[part="edit-tags-button"]')!;
    expect(edit.getAttribute('aria-expanded')).to.equal('false');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '[part~="tag-option"]').map(text)).to.deep.equal([
      'Billing',
      'Delivery',
      'Bug report',
      'VIP',
    ]);
    // Focus is on the first tag: Space checks it, Tab and Space the next.
    expect(focused(el)).to.equal(checkbox(el, 'Billing'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => chips(el).length === 2, 'two chips');
    expect(chips(el)).to.deep.equal(['Billing', 'Bug report']);
    expect(backend.getSession(session.id)!.tags).to.deep.equal(['tag-billing', 'tag-bug']);
    await expect(el).to.be.accessible();
    // Escape closes the editor and gives focus back to Edit tags.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="tag-editor"]')).to.equal(null);
    expect(focused(el)).to.equal(edit);
  });

  it('follows tags set elsewhere, and unchecking removes a tag', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await client.take(session.id);
    const el = await mount(client, session.id);
    await client.setTags(session.id, ['tag-vip', 'tag-delivery']);
    await waitUntil(() => chips(el).length === 2, 'tags from elsewhere');
    expect(chips(el), 'in the live chat’s order').to.deep.equal(['Delivery', 'VIP']);
    $<HTMLButtonElement>(el, '[part="edit-tags-button"]')!.click();
    await el.updateComplete;
    checkbox(el, 'VIP').click();
    await waitUntil(() => chips(el).length === 1, 'VIP removed');
    expect(backend.getSession(session.id)!.tags).to.deep.equal(['tag-delivery']);
  });

  it('lets no more than the limit be checked', async () => {
    const data = seed();
    const support = data.liveChats.find((chat) => chat.id === 'lc-support')!;
    support.tags = Array.from({ length: TAG_LIMITS.perSession + 2 }, (_, i): SessionTag => ({
      id: `tag-${i}`,
      label: `Tag ${i}`,
    }));
    const backend = memoryBackend(data);
    const { client } = await connectClient(backend);
    const session = newSession(backend);
    await client.take(session.id);
    await client.setTags(
      session.id,
      support.tags.slice(0, TAG_LIMITS.perSession).map((tag) => tag.id),
    );
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="edit-tags-button"]')!.click();
    await el.updateComplete;
    expect(checkbox(el, 'Tag 11').disabled).to.equal(true);
    expect(checkbox(el, 'Tag 0').disabled).to.equal(false);
    expect(text($(el, '#tags-hint'))).to.equal('This session has 10 tags, the most it can carry.');
  });

  it('shows a refused change where it happened, and the tags as they are', async () => {
    const { backend, adapter, client } = await seededClient({
      client: { commandDeadlineMs: 300 },
    });
    const session = newSession(backend);
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="edit-tags-button"]')!.click();
    await el.updateComplete;
    adapter.simulateConnection('offline');
    checkbox(el, 'Billing').click();
    await waitUntil(() => $(el, '[part="feedback"]'), 'an error');
    const error = $(el, '[part="feedback"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.match(/^The tags could not be changed\. /);
    expect(focused(el)).to.equal(error);
    expect(text($(el, '[part="tags"]'))).to.equal('No tags');
    expect(checkbox(el, 'Billing').checked).to.equal(false);
  });

  it('marks a session urgent and takes the mark away', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    const button = $<HTMLButtonElement>(el, '[part="urgent-button"]')!;
    expect(text(button)).to.equal('Mark urgent');
    expect(text($(el, '[part="urgent-state"]'))).to.equal(
      'Not urgent: it waits in the queue in turn.',
    );
    button.click();
    await waitUntil(() => text(button) === 'Not urgent', 'marked');
    expect(backend.getSession(session.id)!.urgent).to.equal(true);
    const state = $(el, '[part="urgent-state"]')!;
    expect(text(state)).to.equal('Urgent: it goes first in the queue.');
    expect(state.querySelector('svg'), 'an icon besides the colour').to.not.equal(null);
    await expect(el).to.be.accessible();
    button.click();
    await waitUntil(() => text(button) === 'Mark urgent', 'unmarked');
    expect(backend.getSession(session.id)!.urgent).to.equal(undefined);
  });

  it('shows the tags read-only to whoever may not act on the session', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    // Ben takes the session, tags it and closes it: Anna may view it, not change it.
    const commands = [
      { type: 'session.take' },
      { type: 'session.tag', tagIds: ['tag-bug'] },
      { type: 'session.close' },
    ] as const;
    for (const [i, command] of commands.entries()) {
      const result = backend.execute(SEED_USERS.operatorB, {
        ...command,
        commandId: `ben-${i}`,
        sessionId: session.id,
      } as never);
      expect(result.ok, command.type).to.equal(true);
    }
    const el = await mount(client, session.id);
    await waitUntil(() => chips(el).length === 1, 'the tag shown');
    expect(chips(el)).to.deep.equal(['Bug report']);
    expect($<HTMLButtonElement>(el, '[part="edit-tags-button"]')!.disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, '[part="urgent-button"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks Russian', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    el.locale = 'ru';
    await el.updateComplete;
    expect(text($(el, 'h3'))).to.equal('Метки');
    expect(text($(el, '[part="urgent-button"]'))).to.equal('Отметить срочной');
  });

  itBehavesLikeAPart({
    harness: part,
    control: { selector: '[part="urgent-button"]', name: 'Mark urgent' },
  });
});
