import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClientResult, LiveChatClient } from '@live-chat/core';
import type { LiveChatAttachment } from '../attachments/attachment.js';
import { customerSendsFiles, HTML, PDF, PNG } from '../attachments/attachments-testing.js';
import { cdp } from '../test/cdp.js';
import { newSession, writeAgain } from '../test/customer-writes.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, waitUntil } from '../test/seeded-client.js';
import { withOverrides } from '../test/with-overrides.js';
import { log, messages, mount, setup, type Setup } from './conversation-testing.js';
import type { LiveChatConversation } from './conversation.js';

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const attachments = (el: LiveChatConversation) =>
  deepQueryAll<LiveChatAttachment>(el.shadowRoot!, 'live-chat-attachment');
const inAttachment = <T extends Element = HTMLElement>(
  attachment: LiveChatAttachment,
  selector: string,
) => attachment.shadowRoot?.querySelector<T>(selector) ?? null;

/** A session whose customer sent `files` after a first message, shown once they are rendered. */
async function sessionWithFiles(
  files: Array<{ name: string; bytes: Uint8Array }>,
  options: {
    text?: string;
    client?: (client: LiveChatClient) => LiveChatClient;
    more?: number;
    style?: string;
  } = {},
): Promise<Setup & { el: LiveChatConversation; sessionId: string }> {
  const world = await setup();
  const sessionId = newSession(world.backend, ['Hello']).id;
  const taken = await world.client.take(sessionId);
  if (!taken.ok) throw new Error(taken.error.message);
  await customerSendsFiles(world.backend, sessionId, files, options.text);
  for (let i = 0; i < (options.more ?? 0); i++) writeAgain(world.backend, sessionId, `More ${i}`);
  const client = options.client ? options.client(world.client) : world.client;
  const el = await mount(client, sessionId, options.style);
  await waitUntil(() => attachments(el).length > 0 || messages(el).length > 2, 'history shown');
  return { ...world, el, sessionId };
}

/** The client, answering `download` with `answer` for every file. */
const downloading =
  (answer: () => Promise<ClientResult<Uint8Array>>) =>
  (client: LiveChatClient): LiveChatClient =>
    withOverrides(client, { download: answer });

describe('live-chat-conversation: attachments', () => {
  it('shows an image as an <img> of a blob: URL named by its file, with a download', async () => {
    const { el } = await sessionWithFiles([{ name: 'screenshot.png', bytes: PNG }], {
      text: 'See this',
    });
    expect(text(messages(el).at(-1)!.querySelector('[part~="text"]'))).to.equal('See this');
    const [file] = attachments(el);
    await waitUntil(() => inAttachment(file!, 'img'), 'preview');
    const img = inAttachment<HTMLImageElement>(file!, 'img')!;
    expect(img.src.startsWith('blob:')).to.equal(true);
    expect(img.alt).to.equal('screenshot.png');
    await waitUntil(() => img.complete && img.naturalWidth === 2, 'decoded');
    const box = img.getBoundingClientRect();
    expect(box.width).to.be.at.most(240);
    expect(box.height).to.be.at.most(160);
    expect(text(inAttachment(file!, '[part~="download"]'))).to.equal(
      `Download screenshot.png ${PNG.length} bytes`,
    );
    // The room the conversation keeps for it while its code loads (conversation.styles.ts).
    const em = parseFloat(getComputedStyle(file!).fontSize);
    expect(file!.getBoundingClientRect().height).to.be.closeTo(160 + 4 + 2 * em, 0.5);
    await expect(el).to.be.accessible();

    // Enter on the preview shows it larger in place, and again smaller.
    const preview = inAttachment<HTMLButtonElement>(file!, '[part~="preview"]')!;
    expect(preview.getAttribute('aria-pressed')).to.equal('false');
    preview.focus();
    await sendKeys({ press: 'Enter' });
    await file!.updateComplete;
    expect(preview.getAttribute('aria-pressed')).to.equal('true');
    expect(preview.getAttribute('title')).to.equal('Show smaller');
  });

  it('shows no image when the bytes of an image/png are a web page: only the download', async () => {
    let downloads = 0;
    const { el } = await sessionWithFiles([{ name: 'cat.png', bytes: PNG }], {
      client: downloading(async () => {
        downloads++;
        return { ok: true, value: HTML };
      }),
    });
    const [file] = attachments(el);
    expect(file!.attachment).to.include({ type: 'image/png', image: true });
    await waitUntil(() => downloads === 1 && inAttachment(file!, '[part~="preview-status"]'));
    await waitUntil(() => text(inAttachment(file!, '[part~="preview-status"]')).includes('claims'));
    expect(text(inAttachment(file!, '[part~="preview-status"]'))).to.equal(
      'No preview: the file is not the image it claims to be.',
    );
    expect(deepQuery(el, 'img')).to.equal(null);
    expect(deepQuery(el, 'iframe, object, embed')).to.equal(null);
    expect(inAttachment(file!, '[part~="download"]')).to.not.equal(null);
  });

  it('saves a file through an octet-stream blob and a download link, never navigating', async () => {
    const { el } = await sessionWithFiles([{ name: 'invoice.pdf', bytes: PDF }]);
    const [file] = attachments(el);
    expect(inAttachment(file!, 'img, [part~="preview"]'), 'no preview').to.equal(null);
    const em = parseFloat(getComputedStyle(file!).fontSize);
    expect(file!.getBoundingClientRect().height).to.be.closeTo(2 * em, 0.5);
    // Downloads are refused by this browser, so that the test leaves no file behind.
    await cdp('Browser.setDownloadBehavior', { behavior: 'deny' });
    afterThisTest(() => void cdp('Browser.setDownloadBehavior', { behavior: 'default' }));
    const clicked: HTMLAnchorElement[] = [];
    const watch = (event: Event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement) clicked.push(target);
    };
    window.addEventListener('click', watch, true);
    afterThisTest(() => window.removeEventListener('click', watch, true));
    const page = location.href;

    inAttachment<HTMLButtonElement>(file!, '[part~="download"]')!.click();
    await waitUntil(() => clicked.length === 1, 'saved through a link');
    const link = clicked[0]!;
    expect(link.download).to.equal('invoice.pdf');
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(link.target).to.equal('');
    const saved = await (await fetch(link.href)).blob();
    expect(saved.type).to.equal('application/octet-stream');
    expect(new Uint8Array(await saved.arrayBuffer())).to.deep.equal(PDF);
    expect(link.isConnected, 'the link is gone').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(location.href).to.equal(page);
  });

  it('renders a message of files alone, without a text paragraph', async () => {
    const { el } = await sessionWithFiles([
      { name: 'a.pdf', bytes: PDF },
      { name: 'b.png', bytes: PNG },
    ]);
    const last = messages(el).at(-1)!;
    expect(last.querySelector('[part~="text"]')).to.equal(null);
    expect(last.querySelectorAll('[part~="attachments"] > li')).to.have.length(2);
    expect(text(last.querySelector('[part~="author"]'))).to.contain('Test Customer');
  });

  it('fetches an image only when it comes near the view', async () => {
    let downloads = 0;
    const { el } = await sessionWithFiles([{ name: 'old.png', bytes: PNG }], {
      more: 30,
      style: 'display:flex;height:320px',
      client: (client) =>
        withOverrides(client, {
          download: (id: string) => {
            downloads++;
            return client.download(id);
          },
        }),
    });
    await waitUntil(() => messages(el).length >= 30, 'history shown');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(downloads, 'not fetched out of view').to.equal(0);
    // At the top, the image is just below the visible part of the history: near enough.
    log(el).scrollTop = 0;
    await waitUntil(() => downloads === 1, 'fetched once near the view');
    await waitUntil(() => deepQuery(el, 'img'), 'shown');
  });

  it('offers Retry when a preview fails, and loads it again when back online', async () => {
    let answer: ClientResult<Uint8Array> = {
      ok: false,
      error: { code: 'INTERNAL', message: 'Disk on fire' },
    };
    const { el, adapter } = await sessionWithFiles([{ name: 'a.png', bytes: PNG }], {
      client: downloading(async () => answer),
    });
    const [file] = attachments(el);
    await waitUntil(() => inAttachment(file!, '[part~="retry-button"]'), 'failed');
    expect(text(inAttachment(file!, '[part~="preview-status"]'))).to.contain('No preview:');
    answer = { ok: false, error: { code: 'OFFLINE', message: 'Offline' } };
    adapter.simulateConnection('offline');
    inAttachment<HTMLButtonElement>(file!, '[part~="retry-button"]')!.click();
    await waitUntil(() =>
      text(inAttachment(file!, '[part~="preview-status"]')).startsWith('No preview while offline'),
    );
    answer = { ok: true, value: PNG };
    adapter.simulateConnection('online');
    await waitUntil(() => inAttachment(file!, 'img'), 'loaded again once online');
  });

  it('revokes its object URLs when it leaves the page', async () => {
    const { el } = await sessionWithFiles([{ name: 'a.png', bytes: PNG }]);
    const [file] = attachments(el);
    await waitUntil(() => inAttachment(file!, 'img'), 'preview');
    const url = inAttachment<HTMLImageElement>(file!, 'img')!.src;
    expect((await fetch(url)).ok).to.equal(true);
    el.remove();
    let failed = false;
    await fetch(url).catch(() => (failed = true));
    expect(failed, 'the URL was revoked').to.equal(true);
  });
});
