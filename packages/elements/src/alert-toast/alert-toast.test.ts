// <live-chat-alert-toast>: the in-app alert, fed by a real AlertsController whose sound and
// desktop notifications are off, from a hand-fed stand-in of the client's alerts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import type { Alert, AlertBurst, LiveChatClient } from '@live-chat/core';
import { AlertsController } from '../controllers/alerts/alerts-controller.js';
import { fakeEnvironment } from '../controllers/alerts/alerts-testing.js';
import { waitUntil } from '../test/seeded-client.js';
import type { LiveChatAlertToast } from './alert-toast.js';
import './alert-toast.js';

const LIVE_CHATS: Record<string, string> = {
  'lc-support': 'Customer Support',
  'lc-sales': 'Sales',
  'lc-billing': 'Billing',
  'lc-returns': 'Returns',
};

const alertIn = (liveChatId: string, id: string, overrides: Partial<Alert> = {}): Alert => ({
  id,
  sessionId: `s-${id}`,
  liveChatId,
  messageId: `m-${id}`,
  customerName: 'Vera Quinn',
  preview: 'My parcel is late',
  channel: 'telegram',
  at: Date.now(),
  ...overrides,
});

/** A controller with sound and desktop notifications off, on alerts a test hands over. */
function silentController() {
  const alerts = new Subject<Alert>();
  const bursts = new Subject<AlertBurst>();
  const client = {
    alerts$: alerts.asObservable(),
    alertBursts$: bursts.asObservable(),
    getLiveChat: (id: string) => (LIVE_CHATS[id] ? { id, name: LIVE_CHATS[id] } : undefined),
  } as unknown as LiveChatClient;
  const controller = new AlertsController(null, { environment: fakeEnvironment().environment });
  controller.setClient(client);
  controller.connect();
  controller.setSettings({ sound: false, desktop: false, titleBadge: false });
  return {
    client,
    controller,
    /** `count` alerts of one live chat, `latest` the newest. */
    burst(latest: Alert, count = 1) {
      alerts.next(latest);
      bursts.next({ liveChatId: latest.liveChatId, count, sessionCount: count, latest });
    },
  };
}

async function toastFor(source: ReturnType<typeof silentController>) {
  const el = await fixture<LiveChatAlertToast>(
    html`<live-chat-alert-toast
      .client=${source.client}
      .controller=${source.controller}
    ></live-chat-alert-toast>`,
  );
  return el;
}

const cards = (el: LiveChatAlertToast) => [...el.shadowRoot!.querySelectorAll('[part="toast"]')];
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titleOf = (card: Element) => text(card.querySelector('[part="title"]'));

describe('live-chat-alert-toast', () => {
  it('shows one card per live chat, counting its alerts; at most three, the oldest going first', async () => {
    const source = silentController();
    const el = await toastFor(source);
    expect(el.shadowRoot!.querySelector('[role="region"]'), 'no landmark while empty').to.equal(
      null,
    );

    source.burst(alertIn('lc-support', 'a'));
    await el.updateComplete;
    expect(cards(el).map(titleOf)).to.deep.equal(['New message from Vera Quinn']);
    expect(text(cards(el)[0]!.querySelector('[part="body"]'))).to.equal('My parcel is late');
    expect(el.shadowRoot!.querySelector('[role="region"]')!.getAttribute('aria-label')).to.equal(
      'Alerts',
    );

    source.burst(alertIn('lc-support', 'b'), 4);
    await el.updateComplete;
    expect(cards(el).map(titleOf)).to.deep.equal(['5 new requests in Customer Support']);

    for (const [liveChatId, id] of [
      ['lc-sales', 'c'],
      ['lc-billing', 'd'],
      ['lc-returns', 'e'],
    ] as const)
      source.burst(alertIn(liveChatId, id, { customerName: `Customer ${id}` }));
    await el.updateComplete;
    expect(cards(el).map(titleOf)).to.deep.equal([
      'New message from Customer c',
      'New message from Customer d',
      'New message from Customer e',
    ]);
    expect(el.shownTitles).to.deep.equal(cards(el).map(titleOf));
    await expect(el).to.be.accessible();
  });

  it('announces each new or grown card politely, and never takes the focus', async () => {
    const source = silentController();
    const el = await toastFor(source);
    const outside = await fixture<HTMLButtonElement>(html`<button>elsewhere</button>`);
    outside.focus();
    source.burst(alertIn('lc-support', 'a'));
    await waitUntil(
      () =>
        text(el.shadowRoot!.querySelector('[role="status"]')) ===
        'New message from Vera Quinn. My parcel is late',
      'announced',
    );
    source.burst(alertIn('lc-support', 'b'), 2);
    await waitUntil(
      () =>
        text(el.shadowRoot!.querySelector('[role="status"]')).startsWith(
          '3 new requests in Customer Support',
        ),
      'the grown card announced',
    );
    expect(document.activeElement).to.equal(outside);
  });

  it('Open asks for the session and removes the card; Dismiss and Escape remove theirs', async () => {
    const source = silentController();
    const el = await toastFor(source);
    source.burst(alertIn('lc-support', 'a'));
    source.burst(alertIn('lc-sales', 'b', { customerName: 'Ivan Petrov' }));
    source.burst(alertIn('lc-billing', 'c', { customerName: 'Olga' }));
    await el.updateComplete;

    const opened: string[] = [];
    el.addEventListener('live-chat-session-open', (event) => opened.push(event.detail.sessionId));
    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="open"]')!.click();
    await el.updateComplete;
    expect(opened).to.deep.equal(['s-a']);
    expect(cards(el).map(titleOf)).to.deep.equal([
      'New message from Ivan Petrov',
      'New message from Olga',
    ]);

    const dismiss = cards(el)[0]!.querySelector<HTMLButtonElement>('[part="dismiss"]')!;
    expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss: New message from Ivan Petrov');
    dismiss.click();
    await el.updateComplete;
    expect(cards(el).map(titleOf)).to.deep.equal(['New message from Olga']);

    cards(el)[0]!.querySelector<HTMLButtonElement>('[part="open"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(cards(el)).to.have.length(0);
    expect(opened).to.deep.equal(['s-a']);
  });

  it('shows what a customer wrote as text, whatever markup it holds', async () => {
    const source = silentController();
    const el = await toastFor(source);
    source.burst(
      alertIn('lc-support', 'x', {
        customerName: '<img src=x onerror="window.__pwned=1">',
        preview: '<b>bold?</b>',
      }),
    );
    await el.updateComplete;
    const [card] = cards(el);
    expect(titleOf(card!)).to.equal('New message from <img src=x onerror="window.__pwned=1">');
    expect(text(card!.querySelector('[part="body"]'))).to.equal('<b>bold?</b>');
    expect(card!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the alerts that came before it was given its controller', async () => {
    const source = silentController();
    source.burst(alertIn('lc-support', 'early'));
    source.burst(alertIn('lc-support', 'earlier-still'), 2);
    const el = await toastFor(source);
    await el.updateComplete;
    expect(cards(el).map(titleOf)).to.deep.equal(['3 new requests in Customer Support']);
  });
});
