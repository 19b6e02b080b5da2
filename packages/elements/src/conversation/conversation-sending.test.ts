import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatConversation } from './conversation.js';
import { newSession } from '../test/customer-writes.js';
import { waitUntil, type Backend } from '../test/seeded-client.js';
import { typeLines } from '../test/typing.js';
import { withOverrides } from '../test/with-overrides.js';
import {
  composer,
  focused,
  loaded,
  messages,
  mount,
  setup,
  showSession,
  $,
  $$,
} from './conversation-testing.js';

/**
 * Waits until no message of the conversation shows as pending, unconfirmed or failed, then
 * checks that the backend stored `texts` in the session, each once.
 */
async function expectAllSent(
  el: LiveChatConversation,
  backend: Backend,
  sessionId: string,
  texts: string[],
): Promise<void> {
  await waitUntil(
    () => !$(el, '[part~="pending"], [part~="unconfirmed"], [part~="failed"]'),
    'every message sent',
  );
  expect(backend.messagesOf(sessionId).map((m) => m.text)).to.deep.equal(texts);
}

describe('live-chat-conversation: sending', () => {
  it('sends with Enter, adds a line with Shift+Enter, shows pending then sent, and replying takes the session', async () => {
    const { backend, session, el } = await showSession(['Are you there?'], { latencyMs: 60 });

    composer(el).focus();
    await typeLines('Line one', 'Line two');
    expect(composer(el).value).to.equal('Line one\nLine two');
    expect(messages(el)).to.have.length(1);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(composer(el).value).to.equal('');
    const pending = messages(el)[1]!;
    expect(pending.querySelector('[part="text"]')!.textContent).to.equal('Line one\nLine two');
    expect(pending.querySelector('[part="delivery"]')!.textContent).to.contain('Sending…');
    expect(pending.getAttribute('part')).to.contain('pending');

    await waitUntil(() => !messages(el)[1]?.querySelector('[part="delivery"]'), 'message sent');
    expect(messages(el)).to.have.length(2);
    expect(messages(el)[1]!.querySelector('[part="author"]')!.textContent).to.equal(
      'Anna Kowalski (you)',
    );
    // Replying to a queued session took it.
    await waitUntil(() => backend.getSession(session.id)!.status === 'active');
    await waitUntil(() => $(el, '[part="status"]')!.textContent!.includes('Active'));
    expect(backend.messagesOf(session.id)).to.have.length(2);
    // Focus stayed in the composer.
    expect(focused(el) === composer(el), 'focus').to.equal(true);
  });

  it('shows validation errors inline and keeps the text', async () => {
    const { el } = await showSession(['Hi']);

    composer(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="composer-error"]'), 'empty error');
    expect($(el, '[part="composer-error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="composer-error"]')!.textContent).to.contain('cannot be empty');

    const long = 'x'.repeat(4005);
    composer(el).value = long;
    composer(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(!!$(el, '[part="composer-error"]'), 'absent').to.equal(false);
    const count = $(el, '[part~="count"]')!;
    expect(count.textContent).to.contain('4,005 / 4,000');
    expect(count.textContent).to.contain('5 characters over the limit');
    expect(composer(el).getAttribute('aria-invalid')).to.equal('true');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="composer-error"]'), 'too long error');
    expect($(el, '[part="composer-error"]')!.textContent).to.contain('at most 4,000 characters');
    expect(composer(el).value).to.equal(long);
    expect(messages(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a message sent offline as not confirmed yet, and delivers it once back online', async () => {
    const { backend, adapter, session, el } = await showSession(['Hello?'], { taken: true });

    adapter.simulateConnection('offline');
    composer(el).focus();
    await sendKeys({ type: 'Back in a moment' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        $(el, '[part~="unconfirmed"] [part="delivery"]')?.textContent?.includes('Not confirmed'),
      'not confirmed yet',
    );
    expect($(el, '[part~="failed"]')).to.equal(null);
    await expect(el).to.be.accessible();

    adapter.simulateConnection('online');
    await expectAllSent(el, backend, session.id, ['Hello?', 'Back in a moment']);
  });

  it('marks a message failed when offline past its deadline, and Retry sends it once back online', async () => {
    const { backend, adapter, session, el } = await showSession(['Hello?'], {
      deadlineMs: 300,
      taken: true,
    });

    adapter.simulateConnection('offline');
    await waitUntil(
      () => $(el, '[part="composer-hint"]')?.textContent?.includes('offline'),
      'offline note',
    );
    composer(el).focus();
    await sendKeys({ type: 'Are you still there?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="failed"]'), 'failed message');
    const failed = $(el, '[part~="failed"]')!;
    expect(failed.querySelector('[part="delivery"]')!.textContent).to.contain('Not sent');
    expect(!!failed.querySelector('[part="retry-button"]'), 'present').to.equal(true);
    expect(!!failed.querySelector('[part="discard-button"]'), 'present').to.equal(true);
    // The text lives in the failed message, not lost and not duplicated in the composer.
    expect(composer(el).value).to.equal('');
    await expect(el).to.be.accessible();

    adapter.simulateConnection('online');
    failed.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await expectAllSent(el, backend, session.id, ['Hello?', 'Are you still there?']);
  });

  it('discards a failed message', async () => {
    const { adapter, el } = await showSession(['Hello?'], { deadlineMs: 300, taken: true });
    adapter.simulateConnection('offline');
    composer(el).focus();
    await sendKeys({ type: 'Lost words' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="failed"]'), 'failed message');
    $<HTMLButtonElement>(el, '[part="discard-button"]')!.click();
    await waitUntil(() => messages(el).length === 1, 'discarded');
    await el.updateComplete;
    expect(focused(el) === composer(el), 'focus').to.equal(true);
  });

  it('gives the text back when a send is refused before any message shows, even if an older failed message has the same text', async () => {
    const { backend, adapter, client } = await setup({ deadlineMs: 300 });
    const session = newSession(backend, ['Hello?']);
    await client.take(session.id);
    let refuseSends = false;
    const refusing = withOverrides(client, {
      send: (...args) =>
        refuseSends
          ? Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Refused.' } })
          : client.send(...args),
    });
    const el = await mount(refusing, session.id);
    await loaded(el, 1);
    adapter.simulateConnection('offline');
    composer(el).focus();
    await sendKeys({ type: 'Same words' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="failed"]'), 'failed message');
    expect(composer(el).value).to.equal('');

    refuseSends = true;
    await sendKeys({ type: 'Same words' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="composer-error"]'), 'refused');
    expect(composer(el).value).to.equal('Same words');
    expect($$(el, '[part~="failed"]')).to.have.length(1);
  });

  it('keeps drafts per session, also across a closed session', async () => {
    const { backend, client } = await setup();
    const open = newSession(backend, ['Still there?']);
    const closed = newSession(backend, ['Bye']);
    await client.take(closed.id);
    await client.close(closed.id);
    const el = await mount(client, open.id);
    await loaded(el, 1);
    composer(el).value = 'A reply in progress';
    composer(el).dispatchEvent(new Event('input'));
    el.sessionId = closed.id;
    await waitUntil(() => $(el, '[part="closed-note"]'), 'closed session shown');
    el.sessionId = open.id;
    await waitUntil(() => $(el, 'textarea'), 'open session shown');
    await el.updateComplete;
    expect(composer(el).value).to.equal('A reply in progress');
  });
});
