// This page runs under a strict Content Security Policy, `style-src 'self'`, as a host may serve
// the workspace: style attributes written by markup are blocked, the CSSOM and constructed style
// sheets are not. Its own file: the policy holds for the rest of the page.
import { expect, fixture, html } from '@open-wc/testing';
import { connectClient, memoryBackend, waitUntil } from '../test/seeded-client.js';
import type { LiveChatSessionList } from './session-list.js';
import { options } from './session-list-testing.js';
import { generatedSessions, supportTeamSeedWith } from '../test/generated-sessions.js';

const ROW = 64;

const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = "style-src 'self'";
document.head.append(policy);

/** A list of 1,000 queued sessions, `height` px tall (set through the CSSOM). */
async function longList(
  height: number,
): Promise<{ el: LiveChatSessionList; scroller: HTMLElement }> {
  const backend = memoryBackend(supportTeamSeedWith(generatedSessions(1000)));
  const { client } = await connectClient(backend, { userId: 'u-anna' });
  const el = await fixture<LiveChatSessionList>(
    html`<live-chat-session-list
      live-chat-id="lc-support"
      .client=${client}
    ></live-chat-session-list>`,
  );
  el.style.height = `${height}px`;
  const listbox = () => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]');
  await waitUntil(listbox, 'the listbox');
  return { el, scroller: listbox()! };
}

/** Scrolls to `top` and waits for the rows to follow (the scroll event comes with a frame). */
async function scrollTo(el: LiveChatSessionList, scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  for (let frame = 0; frame < 2; frame++) {
    await new Promise(requestAnimationFrame);
    await el.updateComplete;
  }
}

describe('<live-chat-session-list> under a strict Content Security Policy', () => {
  it('the policy is in force: a style attribute in markup is ignored', async () => {
    const probe = await fixture<HTMLDivElement>(html`<div></div>`);
    probe.innerHTML = '<span style="display: block; width: 123px"></span>';
    expect(probe.firstElementChild!.getBoundingClientRect().width).to.not.equal(123);
  });

  it('places every row at its own offset, with no style attribute on any row', async () => {
    const { el, scroller } = await longList(320);
    for (const top of [0, 100 * ROW + 20, 500 * ROW + 40, 999 * ROW]) {
      await scrollTo(el, scroller, top);
      const rows = options(el);
      expect(rows.length).to.be.greaterThan(0);
      expect(
        rows.filter((row) => row.hasAttribute('style')),
        'rows with a style attribute',
      ).to.deep.equal([]);
      const spacer = el.shadowRoot!.querySelector('.spacer')!.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      for (const row of rows) {
        const index = Number(row.getAttribute('aria-posinset')) - 1;
        const rect = row.getBoundingClientRect();
        if (row.classList.contains('kept')) {
          // The focusable row kept while scrolled far away: out of sight.
          expect(rect.bottom <= box.top || rect.top >= box.bottom, `row ${index + 1}`).to.equal(
            true,
          );
        } else {
          expect(rect.top - spacer.top, `row ${index + 1}`).to.be.closeTo(index * ROW, 0.5);
        }
      }
      const first = Math.floor(scroller.scrollTop / ROW) + 1;
      const firstRow = rows.find((row) => row.getAttribute('aria-posinset') === String(first))!;
      expect(firstRow.getBoundingClientRect().top).to.be.at.most(box.top + 0.5);
    }
    expect(el.shadowRoot!.querySelector('.spacer')!.getBoundingClientRect().height).to.equal(
      1000 * ROW,
    );
  });

  it('holds fewer than twice the rows in view, whatever the height', async () => {
    for (const height of [320, 480, 640, 900]) {
      const { el, scroller } = await longList(height);
      for (const top of [0, 250 * ROW + 17, 999 * ROW]) {
        await scrollTo(el, scroller, top);
        const inView = scroller.clientHeight / ROW;
        expect(options(el).length, `${height}px at ${top}`).to.be.below(2 * inView);
      }
    }
  });
});
