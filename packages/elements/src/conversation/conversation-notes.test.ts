import { expect } from '@open-wc/testing';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatClient } from '@live-chat/core';
import { newSession } from '../test/customer-writes.js';
import { waitUntil } from '../test/seeded-client.js';
import { withOverrides } from '../test/with-overrides.js';
import {
  $,
  composer,
  loaded,
  messages,
  mount,
  setup,
  showSession,
} from './conversation-testing.js';

const { operatorA: ANNA, operatorB: BEN } = SEED_USERS;
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function typeDraft(el: HTMLElement & { updateComplete: Promise<boolean> }, draft: string) {
  const input = composer(el as never);
  input.value = draft;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Ben takes the session on the backend right before Anna's own take or reply reaches it. */
function benIsFaster(world: Awaited<ReturnType<typeof setup>>, sessionId: string): LiveChatClient {
  const benTakes = () =>
    world.backend.execute(BEN, { type: 'session.take', commandId: `ben-${sessionId}`, sessionId });
  return withOverrides(world.client, {
    take: (id: string) => (benTakes(), world.client.take(id)),
    send: (id: string, message: string, options?: { note?: boolean }) => (
      options?.note ? undefined : benTakes(),
      world.client.send(id, message, options)
    ),
  });
}

/**
 * Anna's conversation of a new session (the customer wrote `customerText`) with `draft` typed,
 * where Ben is faster at every take or reply (see {@link benIsFaster}).
 */
async function draftRacingBen(customerText: string, draft: string) {
  const world = await setup();
  const session = newSession(world.backend, [customerText]);
  const el = await mount(benIsFaster(world, session.id), session.id);
  await loaded(el, 1);
  await typeDraft(el, draft);
  return { world, session, el };
}

describe('live-chat-conversation: notes, handover, lost takes', () => {
  it('shows a note apart from replies: labelled, for staff only, its mentions marked as text', async () => {
    const { backend, session, el } = await showSession(['Hi'], { taken: true });
    backend.execute(ANNA, {
      type: 'message.send',
      commandId: 'note-1',
      clientMessageId: 'note-1',
      sessionId: session.id,
      text: '@Ben Okafor <b>please</b> check the refund',
      internal: true,
      mentions: [BEN],
    });
    await loaded(el, 2);
    const note = messages(el).at(-1)!;
    expect(note.getAttribute('part')).to.contain('note');
    expect(text(note.querySelector('[part="note-label"]'))).to.equal(
      'Note (only staff can see this)',
    );
    const mark = note.querySelector('[part="mention"]')!;
    expect(mark.textContent).to.equal('@Ben Okafor');
    expect(note.querySelector('b'), 'markup stays text').to.equal(null);
    expect(text(note.querySelector('[part="text"]'))).to.contain('<b>please</b>');
    // A reply carries no label.
    expect(messages(el)[0]!.querySelector('[part="note-label"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the handover note of the last reassignment above the history', async () => {
    const world = await setup({ userId: BEN });
    const session = newSession(world.backend, ['Hi']);
    world.backend.execute(ANNA, { type: 'session.take', commandId: 't', sessionId: session.id });
    world.backend.execute(ANNA, {
      type: 'session.reassign',
      commandId: 'r',
      sessionId: session.id,
      target: { kind: 'operator', operatorId: BEN },
      note: 'Call back after 5 pm',
    });
    const el = await mount(world.client, session.id);
    await loaded(el, 1);
    await waitUntil(() => $(el, '[part="handover"]'), 'handover shown');
    const handover = $(el, '[part="handover"]')!;
    expect(text(handover)).to.match(/^From Anna Kowalski: .*\d.* Call back after 5 pm$/);
    expect(handover.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    await expect(el).to.be.accessible();
  });

  it('a lost Take says who took the session and keeps the draft, with Copy draft', async () => {
    const { el } = await draftRacingBen('Is anyone there?', 'Hello! Let me check that for you.');
    $<HTMLButtonElement>(el, '[part="take-button"]')!.click();

    await waitUntil(() => $(el, '[part="gone-title"]'), 'gone state shown');
    expect(text($(el, '[part="gone-title"]'))).to.equal('Ben Okafor took this session');
    expect(text(el.shadowRoot!.querySelector('[part="placeholder"]'))).not.to.contain(
      'not available',
    );
    expect($(el, '[part="kept-draft"]')!.textContent).to.equal('Hello! Let me check that for you.');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'gone-title', 'focus on the title');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="copy-draft-button"]')!.click();
    // Whether the page may write to the clipboard depends on the browser: either way it says so.
    await waitUntil(
      () => /Copied|Could not copy/.test(text($(el, '.kept-draft [role="status"]'))),
      'copy outcome shown',
    );
  });

  it('a reply that loses the race comes back as the draft, and returns with the session', async () => {
    const { world, session, el } = await draftRacingBen('Hello?', 'I can help with that.');
    composer(el).focus();
    composer(el).form!.requestSubmit();

    await waitUntil(() => $(el, '[part="gone-title"]'), 'gone state shown');
    // The name comes from the refusal when the backend gives it (a refused reply may not).
    expect(text($(el, '[part="gone-title"]'))).to.match(
      /^(Ben Okafor|Another operator) took this session$/,
    );
    expect($(el, '[part="kept-draft"]')!.textContent).to.equal('I can help with that.');
    expect(world.backend.messagesOf(session.id).map((m) => m.text)).to.deep.equal(['Hello?']);

    // Ben gives it back: Anna's draft is in her composer again, and no failed copy lingers.
    world.backend.execute(BEN, {
      type: 'session.return-to-queue',
      commandId: 'back',
      sessionId: session.id,
    });
    await waitUntil(() => composer(el)?.value === 'I can help with that.', 'draft restored');
    expect(messages(el).some((m) => m.getAttribute('part')!.includes('failed'))).to.equal(false);
  });
});
