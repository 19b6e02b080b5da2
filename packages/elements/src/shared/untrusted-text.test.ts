import { expect, fixture, html } from '@open-wc/testing';
import { translate, registerMessages, type MessageKey } from '../i18n/catalogue.js';
import { avatarSource } from './avatar.js';
import { renderSafeText } from './safe-text.js';
import { isolatedMessage, isolateText } from './untrusted-text.js';
import { displayUrl } from './untrusted-url.js';
import '../conversation/conversation.messages.js';

/** A paragraph of `text` as a message shows it, on the page. */
const paragraph = (text: string) =>
  fixture<HTMLParagraphElement>(html`<p style="width: 900px">${renderSafeText(text)}</p>`);

/** Where the character at `index` of `node`'s text is drawn. */
function charLeft(node: Text, index: number): number {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect().left;
}

describe('untrusted text: links', () => {
  it('shows a right-to-left override in a URL as a mark, in address order', async () => {
    const url = 'https://evil.example/\u202Emoc.knab//:sptth';
    expect(displayUrl(url)).to.equal('https://evil.example/%E2%80%AEmoc.knab//:sptth');
    const p = await paragraph(`see ${url} now`);
    const link = p.querySelector('a')!;
    expect(link.textContent).to.equal('https://evil.example/%E2%80%AEmoc.knab//:sptth');
    expect(link.dir).to.equal('ltr');
    expect(getComputedStyle(link).unicodeBidi).to.equal('isolate');
    // Drawn left to right as written: "moc" before "sptth", never "https://bank.com".
    const node = [...link.childNodes].find(
      (child): child is Text => child instanceof Text && child.data.length > 0,
    )!;
    const shown = node.data;
    expect(charLeft(node, shown.indexOf('moc'))).to.be.below(
      charLeft(node, shown.lastIndexOf('h')),
    );
    // The text after the link keeps its place.
    expect(p.textContent!.endsWith(' now')).to.equal(true);
  });

  it('shows a host that mixes scripts in punycode, one script as written', () => {
    expect(displayUrl('https://\u0430pple.com/login')).to.equal('https://xn--pple-43d.com/login');
    expect(displayUrl('https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/')).to.equal(
      'https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/',
    );
    expect(displayUrl('https://\u65E5\u672C\u8A9E\u3057\u3087\u3046.jp/')).to.equal(
      'https://\u65E5\u672C\u8A9E\u3057\u3087\u3046.jp/',
    );
    expect(displayUrl('https://example.com:8443/a?b#c')).to.equal('https://example.com:8443/a?b#c');
    // A combining mark on a Latin letter could pass for another letter: punycode too.
    expect(displayUrl('https://e\u0301xample.com/')).to.match(/^https:\/\/xn--/);
  });

  it('marks zero-width characters wherever they are in the address', () => {
    expect(displayUrl('https://exa\u200Bmple.com/a\u200Db')).to.not.match(/[\u200B\u200D]/);
    expect(displayUrl('https://example.com/a\u200Db')).to.equal('https://example.com/a%E2%80%8Db');
  });
});

describe('untrusted text: isolation', () => {
  it('isolates plain text, dropping a PDI that would close the isolate early', () => {
    expect(isolateText('Ivan')).to.equal('\u2068Ivan\u2069');
    expect(isolateText('a\u2069\u202Eb')).to.equal('\u2068a\u202Eb\u2069');
    expect(isolateText('\u2067x')).to.equal('\u2068\u2067x\u2069\u2069');
  });

  it('puts each string parameter of a catalogue text in a <bdi>, wherever the translation puts it', async () => {
    registerMessages('x-test', { 'conversation.you': '({name}) — you' });
    const t = (key: MessageKey, params?: Record<string, string | number>) =>
      translate('x-test', key, params);
    const el = await fixture<HTMLSpanElement>(
      html`<span>${isolatedMessage(t, 'conversation.you', { name: '\u202Eevil' })}</span>`,
    );
    expect(el.textContent).to.equal('(\u202Eevil) — you');
    expect(el.querySelector('bdi')!.textContent).to.equal('\u202Eevil');
  });
});

describe('avatar sources', () => {
  const owner = { id: 'c-1', name: 'Ivan' };

  it('loads only absolute https URLs; http only when allowed', () => {
    expect(avatarSource('https://cdn.example/a.png', owner)).to.equal('https://cdn.example/a.png');
    for (const url of [
      '/avatars/a.png',
      'a.png',
      '//cdn.example/a.png',
      'http://cdn.example/a.png',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
      ' https',
      '',
    ]) {
      expect(avatarSource(url, owner), url).to.equal(undefined);
    }
    expect(avatarSource('http://localhost:8000/a.png', owner, { allowHttp: true })).to.equal(
      'http://localhost:8000/a.png',
    );
  });

  it('passes every URL through the host’s rewrite, and holds the result to the same rules', () => {
    const seen: unknown[] = [];
    const rewrite = (url: string, who: typeof owner) => {
      seen.push([url, who.id]);
      return `https://proxy.example/avatar?u=${encodeURIComponent(url)}`;
    };
    expect(avatarSource('/relative.png', owner, { rewrite })).to.equal(
      'https://proxy.example/avatar?u=%2Frelative.png',
    );
    expect(seen).to.deep.equal([['/relative.png', 'c-1']]);
    expect(
      avatarSource('https://a.example/x.png', owner, { rewrite: () => '/local.png' }),
    ).to.equal(undefined);
    expect(avatarSource('https://a.example/x.png', owner, { rewrite: () => null })).to.equal(
      undefined,
    );
    const throwing = () => {
      throw new Error('no proxy');
    };
    expect(avatarSource('https://a.example/x.png', owner, { rewrite: throwing })).to.equal(
      undefined,
    );
  });
});
