/**
 * Hostile sizes: a megabyte in a field is refused by the engine with a typed `VALIDATION` error
 * and changes nothing; the longest values the limits let through (one unbroken word of wide
 * letters in every name, a 4,000-character word, a flood of combining marks) leave the layout
 * whole: at 1280 × 800 the Take button and the composer stay in view, names are cut with an
 * ellipsis and whole in their tooltips, and no pane scrolls sideways.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { FIELD_LIMITS } from '@live-chat/core';
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import '../workspace/workspace.js';
import { writeToSupport } from '../test/customer-writes.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, connectClient, memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { ANNA, BORIS, externalCustomer, smallSeed, supportChat } from '../test/small-seed.js';

const MEGABYTE = 'x'.repeat(1_000_000);
/** One unbroken word of `length` wide letters. */
const word = (length: number) => 'W'.repeat(length);

/** Support with a customer, operators, a live chat and labels as long as the limits allow. */
function longestSeed() {
  return smallSeed({
    users: [ANNA, { ...BORIS, name: word(FIELD_LIMITS.userName) }],
    liveChats: [
      supportChat({
        name: word(FIELD_LIMITS.liveChatName),
        operatorIds: [ANNA.id, BORIS.id],
        reassignmentTargets: [{ kind: 'operator', operatorId: BORIS.id }],
      }),
    ],
    customers: [
      externalCustomer(
        'c-long',
        word(FIELD_LIMITS.customerName),
        `@${word(FIELD_LIMITS.account - 1)}`,
      ),
    ],
  });
}

describe('hostile sizes', function () {
  this.timeout(30_000);

  it('the engine refuses a megabyte in any field with VALIDATION, and changes nothing', async () => {
    const backend = memoryBackend(longestSeed());
    const { client } = await connectClient(backend, { userId: ANNA.id });
    const session = writeToSupport(backend, 'c-long', 'Hello').session;
    const before = { customers: backend.customers().length, sessions: backend.sessions().length };
    for (const [field, customer] of [
      ['name', { name: MEGABYTE, account: '@a' }],
      ['name of 10,000 characters', { name: word(10_000), account: '@a' }],
      ['account', { name: 'A', account: MEGABYTE }],
      ['avatar', { name: 'A', account: '@a', avatarUrl: `https://a.example/${MEGABYTE}` }],
    ] as const) {
      const added = backend.addCustomer({ kind: 'external', messenger: 'telegram', ...customer });
      expect(added.ok ? 'ok' : added.error.code, field).to.equal('VALIDATION');
    }
    const written = backend.customerWrites({
      customerId: 'c-long',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: MEGABYTE,
    });
    expect(written.ok ? 'ok' : written.error.code, 'message').to.equal('VALIDATION');
    const renamed = await client.rename(session.id, MEGABYTE);
    expect(renamed.ok ? 'ok' : renamed.error.code, 'session name').to.equal('VALIDATION');
    const sent = await client.send(session.id, MEGABYTE);
    expect(sent.ok ? 'ok' : sent.error.code, 'reply').to.equal('VALIDATION');
    expect({
      customers: backend.customers().length,
      sessions: backend.sessions().length,
    }).to.deep.equal(before);
    expect(backend.messagesOf(session.id).map((m) => m.text)).to.deep.equal(['Hello']);
    expect(backend.getSession(session.id)!.name).to.not.equal(MEGABYTE);
  });

  it('at 1280 × 800 the longest names and words keep Take and the composer in view', async () => {
    const backend = memoryBackend(longestSeed());
    const { client } = await connectClient(backend, { userId: ANNA.id });
    const longWord = 'y'.repeat(FIELD_LIMITS.messageText);
    const flood = `a${'\u0301'.repeat(FIELD_LIMITS.messageText - 1)}`;
    const session = writeToSupport(backend, 'c-long', longWord).session;
    writeToSupport(backend, 'c-long', flood);
    writeToSupport(backend, 'c-long', 'The last message');

    const title = document.title;
    afterThisTest(() => (document.title = title));
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = mountWorkspacePage(container, client, { title: 'Support desk', lang: 'en' });
    el.noAlerts = true;
    el.style.cssText = 'display:block;width:1280px;height:800px';
    el.sessionId = session.id;
    await waitUntil(() => deepQuery(el, '[part~="take-button"]'), 'the Take button');
    await waitUntil(() => deepQuery(el, '[part~="reassign-select"]'), 'the About pane');
    await settle(el);

    const box = el.getBoundingClientRect();
    for (const part of ['take-button', 'composer-input', 'close-button']) {
      const rect = deepQuery(el, `[part~="${part}"]`)!.getBoundingClientRect();
      expect(rect.width, part).to.be.greaterThan(0);
      expect(
        rect.left >= box.left &&
          rect.right <= box.right &&
          rect.top >= box.top &&
          rect.bottom <= box.bottom,
        `${part} in view: ${JSON.stringify(rect)}`,
      ).to.equal(true);
    }
    // No pane scrolls sideways: names are cut, words wrap.
    for (const pane of deepQueryAll(el.shadowRoot!, '.pane, main, aside, [role="log"]')) {
      expect(
        pane.scrollWidth,
        `${pane.className || pane.localName} scrolls sideways`,
      ).to.be.at.most(pane.clientWidth + 1);
    }
    for (const part of ['live-chat-name', 'session-name', 'customer-name', 'account']) {
      for (const shown of deepQueryAll(el.shadowRoot!, `[part~="${part}"]`)) {
        expect(shown.getBoundingClientRect().right, part).to.be.at.most(box.right);
      }
    }
    // The conversation's title is cut with an ellipsis and whole in its tooltip.
    const heading =
      deepQuery(el, 'live-chat-conversation [part~="session-name"]') ??
      deepQuery(el, 'h2[part~="session-name"]')!;
    expect(heading.title).to.equal(backend.getSession(session.id)!.name);
    expect(heading.scrollWidth).to.be.greaterThan(heading.clientWidth);
    expect(getComputedStyle(heading).textOverflow).to.equal('ellipsis');
    // The flood of combining marks stays in its own box: one line high, clipped.
    const texts = deepQueryAll(el.shadowRoot!, '[part~="text"]');
    const floodText = texts.find((text) => text.textContent === flood)!;
    const style = getComputedStyle(floodText);
    expect(style.overflowX).to.equal('clip');
    expect(floodText.getBoundingClientRect().height).to.be.at.most(
      2 * parseFloat(style.lineHeight),
    );
  });
});
