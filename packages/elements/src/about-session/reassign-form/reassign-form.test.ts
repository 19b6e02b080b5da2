import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import { countingClient } from '../../test/counting-client.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import { closedByAnother, newSession } from '../about-session-testing.js';
import './reassign-form.js';
import type { LiveChatReassignForm } from './reassign-form.js';

async function mount(client: LiveChatClient, sessionId: string) {
  return fixture<LiveChatReassignForm>(
    html`<live-chat-reassign-form
      .client=${client}
      session-id=${sessionId}
    ></live-chat-reassign-form>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: LiveChatReassignForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

function choose(el: LiveChatReassignForm, value: string): void {
  const select = $<HTMLSelectElement>(el, '[part="reassign-select"]')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('live-chat-reassign-form', () => {
  it('reassigns to an operator on its own and fires live-chat-session-reassigned', async () => {
    const { backend, client } = await seededClient({ userId: SEED_USERS.supervisor });
    const session = newSession(backend);
    const el = await mount(client, session.id);
    const options = [...$<HTMLSelectElement>(el, '[part="reassign-select"]')!.options];
    expect(options[0]!.value).to.equal('');
    choose(el, `operator:${SEED_USERS.operatorB}`);
    const fired = oneEvent(el, 'live-chat-session-reassigned');
    $<HTMLButtonElement>(el, '[part="reassign-button"]')!.click();
    const event = await fired;
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
    const first = newSession(backend);
    const second = newSession(backend);
    const el = await mount(client, first.id);
    $<HTMLButtonElement>(el, '[part="reassign-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="feedback"][role="alert"]')!.textContent).to.contain('Choose an operator');
    el.sessionId = second.id;
    await el.updateComplete;
    expect($(el, '[part="feedback"]')).to.equal(null);
  });

  it('is not offered for a closed session', async () => {
    const { backend, client } = await seededClient();
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    expect($(el, '[part="reassign"]')).to.equal(null);
  });

  it('leaves no subscription behind after mount/unmount loops', async () => {
    const { backend, client: real } = await seededClient();
    const session = newSession(backend);
    const { client, active } = countingClient(real);
    for (let i = 0; i < 10; i++) {
      const el = await mount(client, session.id);
      expect(active()).to.be.above(0);
      el.remove();
      expect(active()).to.equal(0);
    }
  });
});
