import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ScrollPinController } from './scroll-pin.js';

@customElement('test-scroll-pin-host')
class TestScrollPinHost extends LitElement {
  static override styles = css`
    .list {
      height: 200px;
      overflow-y: auto;
      overflow-anchor: none;
    }
    .item {
      height: 40px;
    }
  `;

  @query('.list') list?: HTMLElement;
  @property({ attribute: false }) listId = 'a';
  @property({ attribute: false }) items: string[] = [];
  /** Items whose arrival pins the view (the reader's own). */
  @property({ attribute: false }) own = new Set<string>();

  readonly scrollPin = new ScrollPinController(this, {
    container: () => this.list,
    list: () => ({
      id: this.listId,
      keys: this.items,
      pinsWhenAppended: (key) => this.own.has(key),
    }),
  });

  override render() {
    return html`<div class="list" @scroll=${() => this.scrollPin.handleScroll()}>
      ${repeat(
        this.items,
        (item) => item,
        (item) => html`<p class="item" data-key=${item}>${item}</p>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-scroll-pin-host': TestScrollPinHost;
  }
}

const keys = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `item-${from + i}`);

async function mount(items: string[]): Promise<TestScrollPinHost> {
  const el = await fixture<TestScrollPinHost>(
    html`<test-scroll-pin-host .items=${items}></test-scroll-pin-host>`,
  );
  await el.updateComplete;
  return el;
}

const atBottom = (el: TestScrollPinHost) =>
  el.list!.scrollHeight - el.list!.scrollTop - el.list!.clientHeight < 2;

async function scrollTo(el: TestScrollPinHost, top: number): Promise<void> {
  el.list!.scrollTop = top;
  el.list!.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
}

describe('ScrollPinController', () => {
  it('stays pinned when the list shrinks below its own scroll to the bottom before its event', async () => {
    const el = await mount(keys(0, 20));
    expect(atBottom(el)).to.equal(true);
    // Something below appears (a composer's first render): the view is no longer at the
    // bottom when the event of the controller's own scroll comes in.
    el.list!.style.height = '120px';
    el.scrollPin.handleScroll();
    expect(el.scrollPin.pinned).to.equal(true);
    expect(atBottom(el)).to.equal(true);
    el.items = keys(0, 21);
    await el.updateComplete;
    expect(atBottom(el)).to.equal(true);

    // The reader's own scroll up still unpins.
    await scrollTo(el, 0);
    expect(el.scrollPin.pinned).to.equal(false);
  });

  it('starts at the bottom and follows items appended while pinned', async () => {
    const el = await mount(keys(0, 20));
    expect(atBottom(el)).to.equal(true);
    expect(el.scrollPin.pinned).to.equal(true);
    el.items = keys(0, 22);
    await el.updateComplete;
    expect(atBottom(el)).to.equal(true);
    expect(el.scrollPin.unseenBelow).to.equal(false);
  });

  it('keeps the position when the reader scrolled away, and says items arrived below', async () => {
    const el = await mount(keys(0, 20));
    await scrollTo(el, 100);
    expect(el.scrollPin.pinned).to.equal(false);
    el.items = keys(0, 21);
    await el.updateComplete;
    expect(el.list!.scrollTop).to.equal(100);
    expect(el.scrollPin.unseenBelow).to.equal(true);

    // Back at the bottom: nothing unseen any more.
    await scrollTo(el, el.list!.scrollHeight);
    expect(el.scrollPin.pinned).to.equal(true);
    expect(el.scrollPin.unseenBelow).to.equal(false);
  });

  it('keeps what the reader looks at when older items are prepended', async () => {
    const el = await mount(keys(10, 30));
    await scrollTo(el, 40);
    const anchor = el.shadowRoot!.querySelector<HTMLElement>('[data-key="item-12"]')!;
    const before = anchor.getBoundingClientRect().top;
    el.items = keys(0, 30);
    await el.updateComplete;
    expect(Math.abs(anchor.getBoundingClientRect().top - before)).to.be.below(2);
    expect(el.scrollPin.unseenBelow).to.equal(false);
  });

  it('pins again for the reader’s own items, and on pin()', async () => {
    const el = await mount(keys(0, 20));
    await scrollTo(el, 0);
    el.own = new Set(['mine']);
    el.items = [...keys(0, 20), 'mine'];
    await el.updateComplete;
    expect(atBottom(el)).to.equal(true);
    expect(el.scrollPin.pinned).to.equal(true);

    await scrollTo(el, 0);
    el.scrollPin.pin();
    await el.updateComplete;
    expect(atBottom(el)).to.equal(true);
  });

  it('starts another list at the bottom, and release() leaves the position to the host', async () => {
    const el = await mount(keys(0, 20));
    await scrollTo(el, 0);
    el.listId = 'b';
    el.items = keys(100, 130);
    await el.updateComplete;
    expect(atBottom(el)).to.equal(true);

    el.scrollPin.release();
    expect(el.scrollPin.pinned).to.equal(false);
    el.list!.scrollTop = 0;
    el.items = keys(100, 131);
    await el.updateComplete;
    expect(el.list!.scrollTop).to.equal(0);
    expect(el.scrollPin.unseenBelow).to.equal(true);
  });
});
