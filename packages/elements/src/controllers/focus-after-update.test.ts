import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { FocusAfterUpdateController } from './focus-after-update.js';

@customElement('test-focus-host')
class TestFocusHost extends LitElement {
  readonly focusAfterUpdate = new FocusAfterUpdateController(this);
  @query('input') input?: HTMLInputElement;
  @query('#other') other?: HTMLButtonElement;
  @state() editing = false;
  @state() ready = false;

  override render() {
    return html`<button id="other">Other</button>
      ${this.editing ? html`<input aria-label="Name" value="Old name" />` : nothing}
      ${this.ready ? html`<p id="late" tabindex="-1">Ready</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-focus-host': TestFocusHost;
  }
}

const focused = (el: TestFocusHost) => el.shadowRoot!.activeElement;

describe('FocusAfterUpdateController', () => {
  it('focuses an element that only exists after the next update', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.editing = true;
    el.focusAfterUpdate.focus(() => el.input, { select: true });
    expect(el.focusAfterUpdate.pending).to.equal(true);
    await el.updateComplete;
    expect(focused(el)).to.equal(el.input);
    expect(el.focusAfterUpdate.pending).to.equal(false);
    expect([el.input!.selectionStart, el.input!.selectionEnd]).to.deep.equal([0, 8]);
  });

  it('asks for an update itself, so a request is served when nothing else changed', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.focusAfterUpdate.focus(() => el.other);
    await el.updateComplete;
    expect(focused(el)).to.equal(el.other);
  });

  it('serves only the latest request, and keeps focus when the target is gone', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.other!.focus();
    el.focusAfterUpdate.focus(() => el.input);
    el.focusAfterUpdate.focus(() => el.shadowRoot!.querySelector<HTMLElement>('#missing'));
    el.editing = true;
    await el.updateComplete;
    expect(focused(el)).to.equal(el.other);
  });

  it('waits through updates with `until`', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    const late = () => el.shadowRoot!.querySelector<HTMLElement>('#late');
    el.focusAfterUpdate.focus(late, { until: () => late() !== null });
    await el.updateComplete;
    expect(el.focusAfterUpdate.pending).to.equal(true);
    el.ready = true;
    await el.updateComplete;
    expect(focused(el)).to.equal(late());
  });

  it('drops a waiting request on cancel and on disconnect', async () => {
    const el = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
    el.focusAfterUpdate.focus(() => el.other, { until: () => false });
    el.focusAfterUpdate.cancel();
    expect(el.focusAfterUpdate.pending).to.equal(false);
    el.focusAfterUpdate.focus(() => el.other, { until: () => false });
    el.remove();
    expect(el.focusAfterUpdate.pending).to.equal(false);
  });
});
