import { aTimeout, expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { countingClient, type CountingClient } from './counting-client.js';
import { GlobalListenerSpy } from './global-listeners.js';
import { settle } from './settle.js';

/** What a story is given each time it is mounted. */
export interface LeakStoryContext<C> {
  /** The client given to {@link testForLeaks}, wrapped so that its subscriptions are counted. */
  client: C;
  /** 0 for the first mount, 1 for the second, …: to vary what is mounted from round to round. */
  round: number;
}

/** How {@link testForLeaks} mounts the story and what more it checks. */
export interface LeakTestOptions<C, E extends HTMLElement = HTMLElement> {
  /** A client (or a stand-in for one) whose streams the story subscribes to: they are counted. */
  client?: C;
  /** How many times to mount and remove the story (50). */
  rounds?: number;
  /** A `style` for the element the story is rendered into, e.g. a size for a layout. */
  hostStyle?: string;
  /** Awaited once the story has rendered, before anything is counted (e.g. until details show). */
  ready?: (element: E, round: number) => unknown;
  /** Awaited while mounted, after the counts: to use the element, or check more. */
  whileMounted?: (element: E, round: number) => unknown;
  /** Awaited after each removal, after the checks: to check more. */
  afterRemoval?: (round: number) => unknown;
  /** The exact number of subscriptions open while mounted; without it, there must be some. */
  subscriptions?: number;
  /** More counts, by name, that must be back where they started after each removal. */
  counters?: Record<string, () => number>;
}

/** The most the mounted story did at once: to check that the test measured something. */
export interface LeakReport {
  /** Subscriptions to the client's streams. */
  peakSubscriptions: number;
  /** Listeners on `window` and `document`. */
  peakListeners: number;
}

/**
 * V8's `gc()`, there when Chromium was started with `--js-flags=--expose-gc`. Asked for a major
 * collection run on its own task, it does not scan the stack, which could hold stale pointers.
 */
const garbageCollect = (
  globalThis as { gc?: (options: { type: 'major'; execution: 'async' }) => Promise<void> }
).gc;

/**
 * Test support: mounts the element a story renders and removes it, 50 times, and proves that
 * it leaves nothing behind. After each removal: no subscription to the client's streams is open,
 * no listener it added to `window` or `document` is left, and the `counters` are back where they
 * started. Where the browser lets a page collect garbage (Chromium started with
 * `--js-flags=--expose-gc`), it also checks that no removed element is still reachable.
 *
 * Call it inside a test. The story is a function of the (counted) client and the round:
 *
 * ```ts
 * it('leaves nothing behind after being mounted and removed 50 times', async () => {
 *   const { client } = await seededClient();
 *   await testForLeaks(
 *     ({ client }) => html`<live-chat-counter .client=${client}></live-chat-counter>`,
 *     { client, subscriptions: 1 },
 *   );
 * });
 * ```
 *
 * The hooks get the first element the story renders (type their parameter to say which); they
 * must not keep it once they return
 * (wait in them with the `waitUntil` of `seeded-client.ts`: the one of `@open-wc/testing` keeps
 * its condition alive for its whole timeout).
 */
export async function testForLeaks<
  C extends object | undefined = undefined,
  E extends HTMLElement = HTMLElement,
>(
  story: (context: LeakStoryContext<C>) => TemplateResult,
  options: LeakTestOptions<C, E> = {},
): Promise<LeakReport> {
  const counting = options.client ? countingClient(options.client) : undefined;
  const counters = Object.entries(options.counters ?? {}).map(
    ([name, count]) => [name, count, count()] as const,
  );
  const report: LeakReport = { peakSubscriptions: 0, peakListeners: 0 };
  const mounted: Array<WeakRef<HTMLElement>> = [];
  const listeners = new GlobalListenerSpy();
  try {
    for (let round = 0; round < (options.rounds ?? 50); round++) {
      const after = `after ${round + 1} mount${round ? 's' : ''}`;
      await mountAndRemove(story, options, counting, listeners, round, report, mounted);
      await aTimeout(0);
      if (counting) expect(counting.active(), `subscriptions ${after}`).to.equal(0);
      expect(listeners.describe(), `window/document listeners ${after}`).to.deep.equal([]);
      for (const [name, count, start] of counters) {
        expect(count(), `${name} ${after}`).to.equal(start);
      }
      await options.afterRemoval?.(round);
    }
  } finally {
    listeners.restore();
  }
  if (garbageCollect) {
    // The browser lets go of removed nodes it still tracks (for rendering, accessibility) once
    // it has drawn a frame or two.
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    await garbageCollect({ type: 'major', execution: 'async' });
    const kept = mounted.filter((ref) => ref.deref() !== undefined).length;
    expect(kept, 'removed elements still reachable after garbage collection').to.equal(0);
  }
  return report;
}

/**
 * One round: renders the story, checks what it holds while mounted, removes it. A function of
 * its own so that nothing in the caller's frame keeps the element afterwards.
 */
async function mountAndRemove<C extends object | undefined, E extends HTMLElement>(
  story: (context: LeakStoryContext<C>) => TemplateResult,
  options: LeakTestOptions<C, E>,
  counting: CountingClient<NonNullable<C>> | undefined,
  listeners: GlobalListenerSpy,
  round: number,
  report: LeakReport,
  mounted: Array<WeakRef<HTMLElement>>,
): Promise<void> {
  const container = document.createElement('div');
  if (options.hostStyle) container.setAttribute('style', options.hostStyle);
  document.body.append(container);
  try {
    render(story({ client: counting?.client as C, round }), container);
    const element = container.firstElementChild as E | null;
    if (!element) throw new Error('the story rendered no element');
    mounted.push(new WeakRef(element));
    await settle(container);
    await options.ready?.(element, round);
    const mountedAt = `while mounted (mount ${round + 1})`;
    if (counting) {
      const open = counting.active();
      if (options.subscriptions === undefined) {
        expect(open, `subscriptions ${mountedAt}`).to.be.greaterThan(0);
      } else {
        expect(open, `subscriptions ${mountedAt}`).to.equal(options.subscriptions);
      }
      report.peakSubscriptions = Math.max(report.peakSubscriptions, open);
    }
    report.peakListeners = Math.max(report.peakListeners, listeners.count);
    await options.whileMounted?.(element, round);
  } finally {
    container.remove();
  }
}
