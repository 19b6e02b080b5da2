import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { LiveChatConversation } from './conversation.js';
import { REDUCED_MOTION, whileMatching } from '../test/cdp.js';
import { newSession } from '../test/customer-writes.js';
import { afterThisTest, waitUntil } from '../test/seeded-client.js';
import {
  expectLoadError,
  expectLoadingState,
  expectNoSessionHint,
} from '../test/session-pane-states.js';
import { sessionStory } from '../test/session-story.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import * as kit from './conversation-testing.js';

describe('live-chat-conversation', () => {
  it('shows a hint when no session is selected', async () => {
    const el = await expectNoSessionHint(kit.mount);
    expect(!!kit.$(el, '[role="log"]'), 'absent').to.equal(false);
  });

  it('shows a loading state until the client has its snapshot', async () => {
    await expectLoadingState(kit.mount, 'whatever');
  });

  it('shows the error when the client cannot load its state', async () => {
    const { el, client } = await expectLoadError(kit.mount);
    expect(client.status.state).to.equal('error');
    expect(kit.$(el, '[part="placeholder"] [role="alert"]')!.textContent).to.equal(
      'You are offline.',
    );
  });

  it('shows a history load error with Retry', async () => {
    const { backend, adapter, client } = await kit.setup();
    const session = newSession(backend, ['Can you hear me?']);
    await waitUntil(() => client.getSession(session.id), 'session known');
    adapter.simulateConnection('offline');
    const el = await kit.mount(client, session.id);
    await waitUntil(() => kit.buttonByText(el, 'Retry'), 'retry offered');
    expect(kit.$(el, '[part="placeholder"]')!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    adapter.simulateConnection('online');
    kit.buttonByText(el, 'Retry')!.click();
    await kit.loaded(el, 1);
    expect(kit.messages(el)[0]!.querySelector('[part="text"]')!.textContent).to.equal(
      'Can you hear me?',
    );
  });

  it('says when a session is unknown or not visible to the user', async () => {
    const { client } = await kit.setup();
    const el = await kit.mount(client, 'no-such-session');
    await waitUntil(() =>
      kit.$(el, '[part="placeholder"]')?.textContent?.includes('not available'),
    );
    expect(kit.$(el, '[part="placeholder"]')!.textContent).to.contain('do not have access');
    await expect(el).to.be.accessible();
  });

  it('renders the history as a log with author, time and messenger icon', async () => {
    const { backend, session, el } = await kit.showSession(['Hello, I need help', 'With my order']);

    const history = kit.log(el);
    expect(history.getAttribute('aria-live')).to.equal('polite');
    expect(history.getAttribute('aria-relevant')).to.equal('additions');
    expect(history.getAttribute('aria-label')).to.equal('Messages');

    const [first] = kit.messages(el);
    const customerName = backend.getCustomer(session.customerId)!.name;
    expect(first!.querySelector('[part="author"]')!.textContent).to.equal(customerName);
    expect(first!.querySelector('[part="text"]')!.textContent).to.equal('Hello, I need help');
    const time = first!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(time.textContent!.trim()).to.match(/\d/);
    const icon = first!.querySelector('[part="channel-icon"]')!;
    expect(icon.getAttribute('role')).to.equal('img');
    expect(icon.getAttribute('aria-label')).to.equal('Telegram');

    // Header: name, customer, status.
    expect(kit.$(el, '[part="session-name"]')!.textContent!.trim()).to.equal(session.name);
    expect(kit.$(el, '[part="customer"]')!.textContent).to.contain(customerName);
    expect(kit.$(el, '[part="status"]')!.textContent).to.contain('In queue');
    expect(kit.composer(el).labels![0]!.textContent).to.equal('Message');
    await expect(el).to.be.accessible();
  });

  it('shows markup from a customer literally and runs nothing', async () => {
    const { backend, client } = await kit.setup();
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const session = newSession(backend, [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script><b>bold</b>',
      'click javascript:window.__xss=3 or https://example.com/help and mailto:help@example.com',
    ]);
    const el = await kit.mount(client, session.id);
    await kit.loaded(el, 3);
    await aTimeout(50);

    const texts = kit.messages(el).map((m) => m.querySelector('[part="text"]')!);
    expect(texts[0]!.textContent).to.equal('<img src=x onerror="window.__xss=1">');
    expect(texts[1]!.textContent).to.equal('<script>window.__xss=2</script><b>bold</b>');
    for (const text of texts) {
      expect(!!text.querySelector('img, script, b'), 'no markup').to.equal(false);
    }
    const links = [...texts[2]!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/help',
      'mailto:help@example.com',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(texts[2]!.textContent).to.contain('javascript:window.__xss=3');
    expect(w.__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('keeps the composer’s ::part names working on the conversation', async () => {
    const { backend, client } = await kit.setup();
    const session = newSession(backend, ['Hi']);
    const style = document.createElement('style');
    style.textContent = `
      live-chat-conversation.themed::part(composer-input) { outline-color: rgb(1, 2, 3); }
      live-chat-conversation.themed::part(send-button) { outline-color: rgb(4, 5, 6); }
      live-chat-conversation.themed::part(text) { outline-color: rgb(7, 8, 9); }`;
    document.head.append(style);
    afterThisTest(() => style.remove());
    const el = await fixture<LiveChatConversation>(
      html`<live-chat-conversation
        class="themed"
        .client=${client}
        .sessionId=${session.id}
      ></live-chat-conversation>`,
    );
    await kit.loaded(el, 1);
    expect(getComputedStyle(kit.composer(el)).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(kit.$(el, '[part="send-button"]')!).outlineColor).to.equal(
      'rgb(4, 5, 6)',
    );
    expect(getComputedStyle(kit.$(el, '[part="text"]')!).outlineColor).to.equal('rgb(7, 8, 9)');
  });

  it('takes a queued session', async () => {
    const { backend, session, el } = await kit.showSession(['Hi']);
    expect(kit.$(el, '[part="composer-hint"]')!.textContent).to.contain(
      'Replying takes this session',
    );
    const take = kit.$<HTMLButtonElement>(el, '[part="take-button"]')!;
    expect(take.textContent!.trim()).to.equal('Take');
    take.click();
    await waitUntil(() => kit.$(el, '[part="status"]')!.textContent!.includes('Active'), 'active');
    expect(backend.getSession(session.id)!.assignee).to.deep.equal({
      kind: 'operator',
      operatorId: SEED_USERS.operatorA,
    });
    expect(!!kit.$(el, '[part="take-button"]'), 'absent').to.equal(false);
    expect(!!kit.$(el, '[part="return-button"]'), 'present').to.equal(true);
    await el.updateComplete;
    expect(kit.focused(el) === kit.composer(el), 'focus').to.equal(true);
  });

  it('shows a typed error when another operator took the session first', async () => {
    const { backend, session, el } = await kit.showSession(['Hi']);
    // Ben takes it on the backend before Anna's click reaches it.
    const result = backend.execute(SEED_USERS.operatorB, {
      type: 'session.take',
      commandId: 'ben-take',
      sessionId: session.id,
    });
    expect(result.ok).to.equal(true);
    const take = kit.$<HTMLButtonElement>(el, '[part="take-button"]');
    if (take) {
      take.click();
      await waitUntil(
        () => kit.$(el, '[part="action-error"]') || kit.$(el, '[part="placeholder"]'),
        'refused',
      );
    }
    // Either her take was refused (she is told who took it), or the session already vanished
    // from her view before she could click.
    await waitUntil(() => {
      const shown = kit.$(el, '[part="placeholder"]')?.textContent ?? '';
      return shown.includes('not available') || shown.includes('Ben Okafor took this session');
    }, 'gone');
    await expect(el).to.be.accessible();
  });

  it('returns an active session to the queue', async () => {
    const { backend, session, el } = await kit.showSession(['Hi'], { taken: true });
    kit.$<HTMLButtonElement>(el, '[part="return-button"]')!.click();
    await waitUntil(() => backend.getSession(session.id)!.status === 'queued', 'queued');
    await waitUntil(() => kit.$(el, '[part="take-button"]'), 'take offered again');
  });

  it('asks before closing; Escape cancels, confirming closes and fires live-chat-session-closed', async () => {
    const { backend, client, session, el } = await kit.showSession(['Thanks, bye'], {
      taken: true,
    });

    const closeButton = kit.$<HTMLButtonElement>(el, '[part="close-button"]')!;
    closeButton.focus();
    closeButton.click();
    const dialog = kit.$<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('close-dialog-title');
    expect(kit.focused(el) === dialog.querySelector('[data-dialog-cancel]'), 'focus').to.equal(
      true,
    );
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed by Escape');
    await waitUntil(
      () => kit.focused(el) === kit.$(el, '[part="close-button"]'),
      'focus back on Close session',
    );
    expect(backend.getSession(session.id)!.status).to.equal('active');

    kit.$<HTMLButtonElement>(el, '[part="close-button"]')!.click();
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(el, 'live-chat-session-closed');
    dialog.querySelector<HTMLButtonElement>('[data-dialog-confirm]')!.click();
    const event = await closed;
    expect(event.detail).to.deep.equal({ sessionId: session.id });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(backend.getSession(session.id)!.status).to.equal('closed');

    await waitUntil(() => kit.$(el, '[part="closed-note"]'), 'closed note');
    expect(dialog.open).to.equal(false);
    expect(!!kit.$(el, 'textarea'), 'absent').to.equal(false);
    expect(kit.$(el, '[part="status"]')!.textContent).to.contain('Closed');
    expect(kit.messages(el)).to.have.length(1); // history kept
    await waitUntil(
      () => kit.focused(el) === kit.$(el, '[part="closed-note"]'),
      'focus on the closed note',
    );
    // The session moved to Closed.
    const closedList = await new Promise<string[]>((resolve) => {
      const sub = client.sessions$(SEED_LIVE_CHATS.support, 'closed').subscribe((list) => {
        resolve(list.map((v) => v.session.id));
      });
      sub.unsubscribe();
    });
    expect(closedList).to.include(session.id);
    await expect(el).to.be.accessible();
  });

  it('shows a closed session with its history and a note instead of the composer', async () => {
    const { backend, client } = await kit.setup();
    const session = newSession(backend, ['Old question']);
    await client.take(session.id);
    await client.close(session.id);
    const el = await kit.mount(client, session.id);
    await kit.loaded(el, 1);
    expect(kit.$(el, '[part="closed-note"]')!.textContent).to.contain('This session is closed');
    expect(!!kit.$(el, 'textarea'), 'absent').to.equal(false);
    expect(!!kit.$(el, '[part="close-button"]'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('focusReply() goes to the reply field, or to the heading where the user cannot reply', async () => {
    const { client, session, el } = await kit.showSession(['Hello?']);
    el.focusReply();
    await waitUntil(() => kit.focused(el) === kit.composer(el), 'reply field not focused');
    expect((await client.take(session.id)).ok).to.equal(true);
    expect((await client.close(session.id)).ok).to.equal(true);
    await waitUntil(() => kit.$(el, '[part~="closed-note"]'), 'closed session not shown');
    el.focusReply();
    await waitUntil(() => kit.focused(el) === kit.$(el, '#session-title'), 'heading not focused');
  });

  it('shows a highlighted message at once, without the transition, when motion is reduced', async () => {
    const { el } = await kit.showSession(['Hi']);
    const message = kit.messages(el)[0]!;
    expect(getComputedStyle(message).transitionDuration).to.equal('0.3s');
    const reduced = await whileMatching(
      REDUCED_MOTION,
      async () => getComputedStyle(message).transitionDuration,
    );
    expect(reduced).to.equal('0s');
  });

  it('translates its texts when the locale changes', async () => {
    const { el } = await kit.showSession(['Привет']);
    el.locale = 'ru';
    await el.updateComplete;
    expect(kit.$(el, '[part="take-button"]')!.textContent!.trim()).to.equal('Взять');
    expect(kit.composer(el).labels![0]!.textContent).to.equal('Сообщение');
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const { backend, client } = await kit.setup();
    const session = newSession(backend, ['Hi']);
    await testForLeaks(
      sessionStory('live-chat-conversation', (round) => (round % 2 ? session.id : undefined)),
      {
        client,
        ready: async (el: LiveChatConversation, round) => {
          if (round % 2) await kit.loaded(el, 1);
        },
        // Once, the session is dropped and given again while mounted.
        whileMounted: async (el: LiveChatConversation, round) => {
          if (round !== 1) return;
          el.sessionId = undefined;
          await el.updateComplete;
          el.sessionId = session.id;
          await kit.loaded(el, 1);
        },
      },
    );
  });
});
