import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MarkReadController } from './mark-read.js';

const DELAY_MS = 30;

@customElement('test-mark-read-host')
class TestMarkReadHost extends LitElement {
  /** What would be marked (a session and its newest message); nothing when all is read. */
  @property({ attribute: false }) unreadKey: string | undefined = 's-1:1';
  @property({ attribute: false }) atNewest = true;
  /** Whether the next marks succeed. */
  succeed = true;
  readonly marked: string[] = [];

  readonly markRead = new MarkReadController(this, {
    delayMs: DELAY_MS,
    seesNewest: () => this.atNewest,
    target: () => {
      const key = this.unreadKey;
      if (!key) return undefined;
      return {
        key,
        markRead: () => {
          this.marked.push(key);
          return Promise.resolve({ ok: this.succeed });
        },
      };
    },
  });

  override render() {
    return html`<p>Conversation</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-mark-read-host': TestMarkReadHost;
  }
}

const mount = () => fixture<TestMarkReadHost>(html`<test-mark-read-host></test-mark-read-host>`);
const settle = () => aTimeout(DELAY_MS * 3);

function hideDocument(): () => void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
  return () => {
    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    document.dispatchEvent(new Event('visibilitychange'));
  };
}

describe('MarkReadController', () => {
  it('marks what is unread once, after a short delay', async () => {
    const el = await mount();
    expect(el.marked).to.deep.equal([]);
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1']);
    el.requestUpdate();
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1']);
    el.unreadKey = 's-1:2';
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1', 's-1:2']);
  });

  it('costs one mark for a burst of new messages', async () => {
    const el = await mount();
    for (let order = 2; order <= 5; order++) {
      el.unreadKey = `s-1:${order}`;
      await aTimeout(DELAY_MS / 3);
    }
    await settle();
    expect(el.marked).to.deep.equal(['s-1:5']);
  });

  // What the controller waits for: each mounts a host held back, and says how to let it go.
  const holds: Array<{ waits: string; hold: () => Promise<[TestMarkReadHost, () => void]> }> = [
    {
      waits: 'while the document is hidden',
      hold: async () => [await mount(), hideDocument()],
    },
    {
      waits: 'until the newest messages are in view',
      hold: async () => {
        const el = await mount();
        el.atNewest = false;
        return [el, () => (el.atNewest = true)];
      },
    },
    {
      waits: 'while the host is out of the viewport',
      hold: async () => {
        const el = await fixture<TestMarkReadHost>(
          html`<test-mark-read-host style="position:fixed;top:-500px"></test-mark-read-host>`,
        );
        return [el, () => (el.style.top = '0')];
      },
    },
  ];
  for (const { waits, hold } of holds) {
    it(`waits ${waits}`, async () => {
      const [el, release] = await hold();
      try {
        await settle();
        expect(el.marked).to.deep.equal([]);
      } finally {
        release();
      }
      await settle();
      expect(el.marked).to.deep.equal(['s-1:1']);
    });
  }

  it('tries again after a failed mark, and never after the host is gone', async () => {
    const el = await mount();
    el.succeed = false;
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1']);
    el.succeed = true;
    el.requestUpdate();
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1', 's-1:1']);

    el.unreadKey = 's-1:2';
    await el.updateComplete;
    el.remove();
    await settle();
    expect(el.marked).to.deep.equal(['s-1:1', 's-1:1']);
  });
});
