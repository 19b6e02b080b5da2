import { expect } from '@open-wc/testing';
import { SEED_USERS } from '@live-chat/adapters';
import { newSession } from '../../test/customer-writes.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import {
  closedByAnother,
  expectEndedByAnotherSession,
  itBehavesLikeAPart,
  partHarness,
  reassignThroughForm,
} from '../about-session-testing.js';
import './reassign-form.js';
import type { LiveChatReassignForm } from './reassign-form.js';

const part = partHarness<LiveChatReassignForm>('live-chat-reassign-form');
const { mount, $ } = part;

describe('live-chat-reassign-form', () => {
  it('reassigns to an operator on its own and fires live-chat-session-reassigned', async () => {
    const { backend, client } = await seededClient({ userId: SEED_USERS.supervisor });
    const session = newSession(backend);
    const el = await mount(client, session.id);
    const options = [...$<HTMLSelectElement>(el, '[part="reassign-select"]')!.options];
    expect(options[0]!.value).to.equal('');
    const event = await reassignThroughForm(el, `operator:${SEED_USERS.operatorB}`);
    expect(event.detail).to.deep.equal({
      sessionId: session.id,
      target: { kind: 'operator', operatorId: SEED_USERS.operatorB },
    });
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => $(el, '[part="feedback"]'), 'feedback shown');
    expect($(el, '[part="feedback"]')!.textContent!.trim()).to.equal('Reassigned to Ben Okafor.');
    expect($(el, '[part="feedback"]')!.getAttribute('role')).to.equal('status');
    // The new assignee is no longer offered, and the choice is cleared.
    await waitUntil(
      () =>
        ![...$<HTMLSelectElement>(el, '[part="reassign-select"]')!.options].some(
          (o) => o.value === `operator:${SEED_USERS.operatorB}`,
        ),
      'current assignee no longer offered',
    );
    expect($<HTMLSelectElement>(el, '[part="reassign-select"]')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('asks for a target first, and forgets its messages for another session', async () => {
    const { backend, client } = await seededClient();
    await expectEndedByAnotherSession(backend, (id) => mount(client, id), {
      open: (el) => $<HTMLButtonElement>(el, '[part="reassign-button"]')!.click(),
      isOpen: (el) =>
        $(el, '[part="feedback"][role="alert"]')?.textContent?.includes('Choose an operator') ??
        false,
    });
  });

  it('carries an optional note with a counter, refusing one over the limit', async () => {
    const { backend, client } = await seededClient({ userId: SEED_USERS.supervisor });
    const session = newSession(backend);
    const el = await mount(client, session.id);
    const note = $<HTMLTextAreaElement>(el, '[part="handover-input"]')!;
    expect(note.labels![0]!.textContent).to.contain('Note for the new assignee');
    const type = async (value: string) => {
      note.value = value;
      note.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await type('x'.repeat(503));
    expect($(el, '[part="handover-count"]')!.textContent).to.contain('503 / 500');
    expect($(el, '[part="handover-count"]')!.textContent).to.contain('3 characters over the limit');
    expect(note.getAttribute('aria-invalid')).to.equal('true');
    const select = $<HTMLSelectElement>(el, '[part="reassign-select"]')!;
    select.value = `operator:${SEED_USERS.operatorB}`;
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, '[part="reassign-button"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'refused');
    expect(backend.getSession(session.id)!.assignee).to.equal(null);

    // Emoji count as one character each, as the limit does.
    await type('Call back after 5 pm 📞');
    expect($(el, '[part="handover-count"]')!.textContent!.trim()).to.equal('22 / 500');
    await reassignThroughForm(el, `operator:${SEED_USERS.operatorB}`);
    await waitUntil(() => backend.getSession(session.id)!.handover, 'handed over');
    expect(backend.getSession(session.id)!.handover!.note).to.equal('Call back after 5 pm 📞');
    expect(backend.getSession(session.id)!.handover!.fromId).to.equal(SEED_USERS.supervisor);
    await waitUntil(() => !$<HTMLTextAreaElement>(el, '[part="handover-input"]')?.value, 'cleared');
    await expect(el).to.be.accessible();
  });

  it('is not offered for a closed session', async () => {
    const { backend, client } = await seededClient();
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    expect($(el, '[part="reassign"]')).to.equal(null);
  });

  itBehavesLikeAPart({ harness: part });
});
