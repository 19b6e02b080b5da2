import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { StreamController, sameArguments } from './stream-controller.js';
import { testForLeaks } from '../test/test-for-leaks.js';

/** Streams by name, each counting its open subscriptions. */
class Sources {
  readonly subjects = new Map<string, BehaviorSubject<string>>();
  readonly calls: string[] = [];
  open = 0;

  stream(name: string): Observable<string> {
    this.calls.push(name);
    let subject = this.subjects.get(name);
    if (!subject) {
      subject = new BehaviorSubject(`${name}:0`);
      this.subjects.set(name, subject);
    }
    const source = subject;
    return new Observable<string>((subscriber) => {
      this.open++;
      const subscription = source.subscribe(subscriber);
      return () => {
        this.open--;
        subscription.unsubscribe();
      };
    });
  }

  emit(name: string, value: string): void {
    this.subjects.get(name)?.next(value);
  }
}

@customElement('test-stream-host')
class TestStreamHost extends LitElement {
  @property({ attribute: false }) sources?: Sources;
  @property() family?: string;
  @property() id2 = 'a';
  /** Not an argument of the stream: changing it must not re-subscribe. */
  @property() label = '';
  renders = 0;

  readonly stream = new StreamController(
    this,
    () => [this.sources, this.family, this.id2] as const,
    (sources, family, id) => (sources && family ? sources.stream(`${family}-${id}`) : undefined),
    'initial',
  );

  override render() {
    this.renders++;
    return html`<p>${this.label}${this.stream.value}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-stream-host': TestStreamHost;
  }
}

const shown = (el: TestStreamHost) => el.shadowRoot!.querySelector('p')!.textContent;

describe('StreamController', () => {
  it('compares arguments one by one', () => {
    const object = {};
    expect(sameArguments([object, 'a', 1], [object, 'a', 1])).to.equal(true);
    expect(sameArguments([object, 'a'], [{}, 'a'])).to.equal(false);
    expect(sameArguments([NaN], [NaN])).to.equal(true);
    expect(sameArguments(['a'], ['a', undefined])).to.equal(false);
  });

  it('shows the initial value while there is nothing to observe', async () => {
    const el = await fixture<TestStreamHost>(html`<test-stream-host></test-stream-host>`);
    expect(shown(el)).to.equal('initial');
    expect(el.stream.value).to.equal('initial');
  });

  it('subscribes when connected and renders each value', async () => {
    const sources = new Sources();
    const el = await fixture<TestStreamHost>(
      html`<test-stream-host .sources=${sources} family="s"></test-stream-host>`,
    );
    // A replaying source is read in the very first render.
    expect(shown(el)).to.equal('s-a:0');
    expect(sources.open).to.equal(1);
    sources.emit('s-a', 's-a:1');
    await el.updateComplete;
    expect(shown(el)).to.equal('s-a:1');
  });

  it('subscribes again only when an argument changes, starting from the initial value', async () => {
    const sources = new Sources();
    const el = await fixture<TestStreamHost>(
      html`<test-stream-host .sources=${sources} family="s"></test-stream-host>`,
    );
    el.label = 'x';
    await el.updateComplete;
    el.label = 'y';
    await el.updateComplete;
    expect(sources.calls).to.deep.equal(['s-a']);

    const plain = new Subject<string>();
    const values: string[] = [];
    el.id2 = 'b';
    await el.updateComplete;
    expect(sources.calls).to.deep.equal(['s-a', 's-b']);
    expect(sources.open).to.equal(1);
    expect(shown(el)).to.equal('ys-b:0');
    // The old source no longer reaches the element.
    sources.emit('s-a', 'stale');
    await el.updateComplete;
    expect(shown(el)).to.equal('ys-b:0');

    // A source that does not replay: the initial value until it emits.
    sources.stream = () => plain.asObservable();
    plain.subscribe((v) => values.push(v));
    el.family = 't';
    await el.updateComplete;
    expect(el.stream.value).to.equal('initial');
    plain.next('t:1');
    await el.updateComplete;
    expect(shown(el)).to.equal('yt:1');
    expect(values).to.deep.equal(['t:1']);
  });

  it('goes back to the initial value when there is nothing to observe any more', async () => {
    const sources = new Sources();
    const el = await fixture<TestStreamHost>(
      html`<test-stream-host .sources=${sources} family="s"></test-stream-host>`,
    );
    el.family = undefined;
    await el.updateComplete;
    expect(shown(el)).to.equal('initial');
    expect(sources.open).to.equal(0);
  });

  it('unsubscribes when disconnected and subscribes again when connected', async () => {
    const sources = new Sources();
    const el = await fixture<TestStreamHost>(
      html`<test-stream-host .sources=${sources} family="s"></test-stream-host>`,
    );
    const parent = el.parentElement!;
    el.remove();
    expect(sources.open).to.equal(0);
    sources.emit('s-a', 's-a:2');
    parent.append(el);
    expect(sources.open).to.equal(1);
    await el.updateComplete;
    expect(shown(el)).to.equal('s-a:2');
    // Arguments changed while away: the new source, from the initial value.
    el.remove();
    el.id2 = 'c';
    parent.append(el);
    await el.updateComplete;
    expect(shown(el)).to.equal('s-c:0');
    expect(sources.open).to.equal(1);
  });

  it('keeps the error of a failing source', async () => {
    const failing = new Subject<string>();
    const sources = new Sources();
    sources.stream = () => failing;
    const el = await fixture<TestStreamHost>(
      html`<test-stream-host .sources=${sources} family="s"></test-stream-host>`,
    );
    failing.next('before');
    failing.error(new Error('broken'));
    await el.updateComplete;
    expect(el.stream.value).to.equal('before');
    expect((el.stream.error as Error).message).to.equal('broken');
    sources.stream = () => new BehaviorSubject('fresh');
    el.id2 = 'b';
    await el.updateComplete;
    expect(el.stream.error).to.equal(undefined);
    expect(shown(el)).to.equal('fresh');
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const sources = new Sources();
    await testForLeaks(
      ({ round }) =>
        html`<test-stream-host
          .sources=${sources}
          family="loop"
          id2=${String(round % 3)}
        ></test-stream-host>`,
      {
        counters: { 'open subscriptions': () => sources.open },
        whileMounted: () => expect(sources.open).to.equal(1),
      },
    );
  });
});
