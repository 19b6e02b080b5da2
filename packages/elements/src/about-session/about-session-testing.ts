/**
 * Test support for the About the session pane and its parts: each part mounted on its own, what
 * a user does with the pane (reassign, open and leave a panel), sessions the user may not act
 * on, and the tests every part shares ({@link itBehavesLikeAPart}).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { LiveChatClient, Session } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import { newSession } from '../test/customer-writes.js';
import { deepQuery } from '../test/deep-query.js';
import { sessionStory } from '../test/session-story.js';
import { seededClient, waitUntil, type Backend } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';

/** A part of the pane, as its tests drive it: an element with a session id that updates. */
export type Part = HTMLElement & { sessionId?: string; readonly updateComplete: Promise<boolean> };

/** What the tests of one part use: the part on its own, and queries in its shadow root. */
export interface PartHarness<T extends Part> {
  /** The part with the client, showing `sessionId`: a story for `testForLeaks`. */
  story(sessionId?: string): (context: { client: LiveChatClient }) => TemplateResult;
  /** The part on its own, showing `sessionId` (or no session), once it has rendered. */
  mount(client: LiveChatClient, sessionId?: string): Promise<T>;
  /** The first element matching `selector` in the part's shadow root. */
  $<E extends Element = HTMLElement>(el: T, selector: string): E | null;
  /** Every element matching `selector` in the part's shadow root. */
  $$<E extends Element = HTMLElement>(el: T, selector: string): E[];
  /** The element focused in the part's shadow root. */
  focused(el: T): Element | null;
}

/**
 * The harness for the tests of the part `tag`. With `buttonAfter`, a button follows the part,
 * for focus to move on to.
 */
export function partHarness<T extends Part>(
  tag: string,
  options: { buttonAfter?: boolean } = {},
): PartHarness<T> {
  const story = (sessionId?: string) =>
    options.buttonAfter
      ? (context: { client: LiveChatClient }) =>
          html`${sessionStory(tag, sessionId)(context)}<button id="after">After</button>`
      : sessionStory(tag, sessionId);
  return {
    story,
    mount: (client, sessionId) => fixture<T>(story(sessionId)({ client })),
    $: (el, selector) => el.shadowRoot!.querySelector(selector),
    $$: (el, selector) => [...el.shadowRoot!.querySelectorAll<never>(selector)],
    focused: (el) => el.shadowRoot!.activeElement,
  };
}

/**
 * Shows a part (`mount`) on a new session, lets `open` start something in it that `isOpen`
 * sees (a panel, a menu, an edit, a message), then gives the part another session: that must
 * end it. Resolves with the part and the second session, for more checks.
 */
export async function expectEndedByAnotherSession<T extends Part>(
  backend: Backend,
  mount: (sessionId: string) => Promise<T>,
  steps: { open: (el: T) => unknown; isOpen: (el: T) => boolean },
): Promise<{ el: T; second: Session }> {
  const [first, second] = [newSession(backend), newSession(backend)];
  const el = await mount(first.id);
  await steps.open(el);
  await el.updateComplete;
  expect(steps.isOpen(el), 'open on the first session').to.equal(true);
  el.sessionId = second.id;
  await el.updateComplete;
  expect(steps.isOpen(el), 'still open on another session').to.equal(false);
  return { el, second };
}

/**
 * Checks that `selector` (under `host`, through shadow roots) shows only while what `register`
 * registers (a binder, an action) is: it calls `register`, then the function it returns.
 */
export async function expectShownWhileRegistered(
  host: Element,
  selector: string,
  register: () => () => void,
): Promise<void> {
  expect(deepQuery(host, selector), `${selector} before registering`).to.equal(null);
  const unregister = register();
  await waitUntil(() => deepQuery(host, selector), `${selector} shown`);
  unregister();
  await waitUntil(() => !deepQuery(host, selector), `${selector} gone`);
}

/**
 * Chooses `target` (`operator:<id>` or `group:<id>`) in the reassign form under `host` and
 * presses Reassign; resolves with the `live-chat-session-reassigned` event.
 */
export function reassignThroughForm(
  host: HTMLElement,
  target: string,
): Promise<HTMLElementEventMap['live-chat-session-reassigned']> {
  const select = deepQuery<HTMLSelectElement>(host, '[part="reassign-select"]')!;
  select.value = target;
  select.dispatchEvent(new Event('change'));
  const reassigned = oneEvent(host, 'live-chat-session-reassigned');
  deepQuery<HTMLButtonElement>(host, '[part="reassign-button"]')!.click();
  return reassigned;
}

/** A fresh session that operator B took and closed: operator A may view it but not act on it. */
export function closedByAnother(backend: Backend): Session {
  const session = newSession(backend);
  for (const type of ['session.take', 'session.close'] as const) {
    const result = backend.execute(SEED_USERS.operatorB, {
      type,
      commandId: `${type}-${session.id}`,
      sessionId: session.id,
    });
    if (!result.ok) throw new Error(result.error.message);
  }
  return session;
}

/** The text an `aria-describedby` gives `control` (within its own tree). */
function descriptionOf(control: Element): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/**
 * Shows a part (`mount`) on a session the user may view but not act on (see
 * {@link closedByAnother}): the control `selector` must be disabled and say why, accessibly.
 */
async function expectDisabledWhereUserCannotAct(
  backend: Backend,
  mount: (sessionId: string) => Promise<Part>,
  selector: string,
): Promise<void> {
  const el = await mount(closedByAnother(backend).id);
  await waitUntil(() => deepQuery(el, selector), `${selector} shown`);
  const control = deepQuery<HTMLButtonElement>(el, selector)!;
  expect(control.disabled, 'disabled').to.equal(true);
  expect(descriptionOf(control)).to.contain('not change it');
  await expect(el).to.be.accessible();
}

/** What {@link itBehavesLikeAPart} needs to know about a part. */
export interface PartConformance<T extends Part> {
  /** The part's harness. */
  harness: PartHarness<T>;
  /** The control the user may not use where they cannot act, and its name for the test's title. */
  control?: { selector: string; name: string };
  /** A backend and a ready client with what the part needs registered (the seed's by default). */
  world?: () => Promise<{ backend: Backend; client: LiveChatClient }>;
}

/**
 * Declares the tests every part of the pane shares: its `control` is disabled, with the reason,
 * where the user cannot act; and it leaves nothing behind after being mounted and removed 50
 * times (see `testForLeaks`).
 */
export function itBehavesLikeAPart<T extends Part>(part: PartConformance<T>): void {
  const world = part.world ?? (() => seededClient());
  const control = part.control;
  if (control) {
    it(`disables ${control.name}, with the reason, where the user cannot act`, async () => {
      const { backend, client } = await world();
      await expectDisabledWhereUserCannotAct(
        backend,
        (id) => part.harness.mount(client, id),
        control.selector,
      );
    });
  }
  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const { backend, client } = await world();
    await testForLeaks(part.harness.story(newSession(backend).id), { client });
  });
}
