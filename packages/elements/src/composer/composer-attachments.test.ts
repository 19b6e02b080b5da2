import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient } from '@live-chat/core';
import './index.js'; // the entry, as a host imports it (it says where the file tray's code is)
import type { ComposerSendDetail, LiveChatComposer } from './composer.js';
import {
  bytesOf,
  fileOf,
  HTML,
  PDF,
  PNG,
  SVG,
  transferOf,
} from '../attachments/attachments-testing.js';
import { newSession } from '../test/customer-writes.js';
import {
  connectClient,
  memoryBackend,
  seed,
  seededClient,
  waitUntil,
  type Backend,
} from '../test/seeded-client.js';
import { deepFocused } from '../test/deep-query.js';
import { withOverrides } from '../test/with-overrides.js';

async function mount(client: LiveChatClient, sessionId: string): Promise<LiveChatComposer> {
  const el = await fixture<LiveChatComposer>(
    html`<live-chat-composer .client=${client} .sessionId=${sessionId}></live-chat-composer>`,
  );
  await waitUntil(() => el.acceptsInput, 'composer ready');
  await el.updateComplete;
  return el;
}

/** A composer in a new session of operator A (taken, so replies do not take it). */
async function setup(latencyMs = 0) {
  const { backend, client, adapter } = await seededClient({ latencyMs });
  const session = newSession(backend, ['Here is my problem']);
  const taken = await client.take(session.id);
  if (!taken.ok) throw new Error(taken.error.message);
  const el = await mount(client, session.id);
  return { backend, client, adapter, session, el };
}

/** The composer's shadow root, then its file tray's. */
const roots = (el: LiveChatComposer): ShadowRoot[] => {
  const tray = el.shadowRoot!.querySelector('live-chat-file-tray')?.shadowRoot;
  return tray ? [el.shadowRoot!, tray] : [el.shadowRoot!];
};
const $ = <T extends Element = HTMLElement>(el: LiveChatComposer, selector: string) =>
  roots(el)
    .map((root) => root.querySelector<T>(selector))
    .find((found) => found !== null) ?? null;
const $$ = (el: LiveChatComposer, selector: string) =>
  roots(el).flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)]);
/** Whichever element has focus, inside the composer or its tray. */
const focused = (el: LiveChatComposer) => deepFocused(el);
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const chips = (el: LiveChatComposer) => $$(el, '[part~="attachment-chip"]');

/** Picks `files` with the file input, as the file dialog would. */
async function pick(el: LiveChatComposer, ...files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  input.files = transferOf(...files).files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Waits until no chip is uploading any more. */
const uploaded = (el: LiveChatComposer, count: number) =>
  waitUntil(
    () => chips(el).length === count && !$(el, '[part~="uploading"]'),
    `${count} files settled`,
  );

describe('live-chat-composer: attachments', () => {
  it('picks a file: a chip with name and size, ready, then Send sends it without text', async () => {
    const { backend, el, session } = await setup();
    const button = $(el, '[part~="attach-button"]')!;
    expect(text(button)).to.equal('Attach files');
    expect(text($(el, '#attach-limits'))).to.equal('Up to 5 files, 10 MB each');
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    expect(input.multiple).to.equal(true);
    expect(input.tabIndex).to.equal(-1);
    // Attach files opens the file picker (held back here: the test picks the file itself).
    const opened = new Promise((resolve) =>
      input.addEventListener('click', (event) => resolve(event.preventDefault()), { once: true }),
    );
    button.click();
    await opened;

    await pick(el, fileOf('photo.png', PNG, 'image/png'));
    await uploaded(el, 1);
    expect(text(chips(el)[0])).to.contain('photo.png');
    expect(text(chips(el)[0])).to.contain(`${PNG.length} bytes`);
    expect(text(chips(el)[0])).to.contain('Ready');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'live-chat-send');
    $<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const detail = ((await sent) as CustomEvent<ComposerSendDetail>).detail;
    expect(detail.text).to.equal('');
    expect(detail.attachments?.map((file) => file.name)).to.deep.equal(['photo.png']);
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'stored');
    const message = backend.messagesOf(session.id)[1]!;
    expect(message.text).to.equal('');
    expect(message.attachments).to.have.length(1);
    expect(message.attachments![0]).to.include({ name: 'photo.png', type: 'image/png' });
    expect(message.attachments![0]!.image).to.equal(true);
    await el.updateComplete;
    expect(chips(el), 'the chips clear').to.have.length(0);
  });

  it('refuses an SVG and a web page named cat.png with their reason, and sends nothing', async () => {
    const { backend, el, session } = await setup();
    await pick(el, fileOf('x.svg', SVG, 'image/svg+xml'), fileOf('cat.png', HTML, 'image/png'));
    await uploaded(el, 2);
    const [svg, page] = chips(el);
    expect(svg!.getAttribute('part')).to.contain('failed');
    expect(text(svg)).to.contain('files of type image/svg+xml cannot be attached');
    expect(text(page)).to.contain('files of type text/html cannot be attached');
    // Both are said, politely, with their names.
    const region = $(el, 'live-chat-file-tray')!.shadowRoot!.querySelector('[role="status"]')!;
    await waitUntil(() => text(region).includes('cat.png'), 'announced');
    expect(text(region)).to.equal(
      'x.svg: files of type image/svg+xml cannot be attached cat.png: files of type text/html cannot be attached',
    );
    await expect(el).to.be.accessible();

    await el.send();
    await el.updateComplete;
    expect(text($(el, '[part~="composer-error"]'))).to.contain('cannot be empty');
    expect(backend.messagesOf(session.id)).to.have.length(1);
  });

  it('refuses an empty file, one over the size limit, and more files than a message carries', async () => {
    const { el } = await setup();
    await pick(el, fileOf('empty.txt', new Uint8Array(0)));
    await pick(el, fileOf('huge.pdf', new Uint8Array(10 * 1024 * 1024 + 1)));
    await uploaded(el, 2);
    expect(text(chips(el)[0])).to.contain('the file is empty');
    expect(text(chips(el)[1])).to.contain('too large (max 10 MB)');

    const notes = [1, 2, 3, 4, 5, 6].map((n) => fileOf(`note-${n}.txt`, bytesOf(`note ${n}`)));
    await pick(el, ...notes);
    await uploaded(el, 7);
    const ready = $$(el, '[part~="attachment-chip"][part~="ready"]');
    expect(ready.map((chip) => text(chip.querySelector('bdi')))).to.deep.equal([
      'note-1.txt',
      'note-2.txt',
      'note-3.txt',
      'note-4.txt',
      'note-5.txt',
    ]);
    expect(text($(el, '[part~="attach-notice"]'))).to.equal(
      'A message carries at most 5 files: the others were not attached.',
    );
  });

  it('says a file was not uploaded while offline', async () => {
    const { el, adapter } = await setup();
    adapter.simulateConnection('offline');
    await pick(el, fileOf('report.pdf', PDF));
    await uploaded(el, 1);
    expect(text(chips(el)[0])).to.contain('not uploaded: you are offline');
  });

  it('waits for uploads before sending, and sends text with the files once ready', async () => {
    const { backend, el, session } = await setup(300);
    await pick(el, fileOf('report.pdf', PDF));
    expect(text(chips(el)[0])).to.contain('Uploading…');
    const input = $<HTMLTextAreaElement>(el, 'textarea')!;
    input.value = 'The report';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '[part~="send-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    await el.send();
    await el.updateComplete;
    expect(text($(el, '[part~="attach-notice"]'))).to.equal(
      'Wait until the files are uploaded, then send.',
    );
    expect(input.value, 'the text stays').to.equal('The report');

    await uploaded(el, 1);
    expect($(el, '[part~="send-button"]')!.hasAttribute('aria-disabled')).to.equal(false);
    await el.send();
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'stored');
    const message = backend.messagesOf(session.id)[1]!;
    expect(message.text).to.equal('The report');
    expect(message.attachments?.map((file) => file.type)).to.deep.equal(['application/pdf']);
  });

  it('gives the files back when the send is refused before anything is shown', async () => {
    const { client, session } = await setup();
    const refusing = withOverrides(client, {
      send: () =>
        Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Not here.' } }),
    });
    const el = await mount(refusing, session.id);
    await pick(el, fileOf('report.pdf', PDF));
    await uploaded(el, 1);
    await el.send();
    await el.updateComplete;
    expect(chips(el).map(text)).to.have.length(1);
    expect(text(chips(el)[0])).to.contain('Ready');
    expect($(el, '[part~="composer-error"]')).to.not.equal(null);
  });

  it('removes a file with its keyboard-reachable "Remove <name>" button', async () => {
    const { el } = await setup();
    await pick(el, fileOf('a.txt', bytesOf('a')), fileOf('b.txt', bytesOf('b')));
    await uploaded(el, 2);
    const remove = $$(el, '[part~="remove-attachment"]');
    // The × is hidden from screen readers: the name is the words.
    const names = remove.map((button) => text(button.querySelector(':not([aria-hidden])')));
    expect(names).to.deep.equal(['Remove a.txt', 'Remove b.txt']);
    // Tab from Send reaches the first Remove button.
    $<HTMLButtonElement>(el, '[part~="send-button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(remove[0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(el).length === 1, 'removed');
    expect(text(chips(el)[0])).to.contain('b.txt');
    // Focus moves to the next file's button, not to the page.
    await waitUntil(() => focused(el) === $(el, '[part~="remove-attachment"]'), 'focus kept');
    // Removing the last one brings focus back to the field.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(el).length === 0, 'all removed');
    await waitUntil(() => focused(el) === $(el, 'textarea'), 'focus back in the field');
  });

  it('attaches files dropped on the composer, showing where to drop them', async () => {
    const { el } = await setup();
    const transfer = transferOf(fileOf('photo.png', PNG, 'image/png'));
    const drag = (type: string, target: Element) =>
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    const input = $(el, 'textarea')!;
    drag('dragenter', input);
    expect(drag('dragover', input), 'the drop is accepted').to.equal(false);
    await el.updateComplete;
    expect($(el, 'form')!.classList.contains('dropping')).to.equal(true);
    expect(text($(el, '[part~="drop-hint"]'))).to.equal('Drop files to attach them');
    drag('drop', input);
    await el.updateComplete;
    expect($(el, '[part~="drop-hint"]')).to.equal(null);
    await uploaded(el, 1);
    expect(text(chips(el)[0])).to.contain('photo.png');
  });

  it('attaches files pasted into the field instead of pasting text', async () => {
    const { el } = await setup();
    const input = $<HTMLTextAreaElement>(el, 'textarea')!;
    const paste = new ClipboardEvent('paste', {
      clipboardData: transferOf(fileOf('image.png', PNG, 'image/png')),
      bubbles: true,
      cancelable: true,
    });
    expect(input.dispatchEvent(paste), 'the paste is taken').to.equal(false);
    await uploaded(el, 1);
    expect(text(chips(el)[0])).to.contain('image.png');
    expect(input.value).to.equal('');
  });

  it('offers no files in Note mode, nor on a backend that takes none', async () => {
    const { el } = await setup();
    el.mode = 'note';
    await el.updateComplete;
    expect($(el, '[part~="attach-button"]')).to.equal(null);
    expect($(el, 'input[type="file"]')).to.equal(null);
    // A file dropped on a note is refused, not opened by the browser.
    const transfer = transferOf(fileOf('photo.png', PNG, 'image/png'));
    const over = new DragEvent('dragover', {
      dataTransfer: transfer,
      bubbles: true,
      cancelable: true,
    });
    $(el, 'textarea')!.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    expect(transfer.dropEffect).to.equal('none');
    await el.updateComplete;
    expect($(el, '[part~="drop-hint"]')).to.equal(null);

    const backend: Backend = memoryBackend(seed(), { attachments: false });
    const { client } = await connectClient(backend);
    expect(client.attachmentPolicy).to.equal(undefined);
    const session = newSession(backend);
    const none = await mount(client, session.id);
    expect($(none, '[part~="attach-button"]')).to.equal(null);
    expect($(none, 'input[type="file"]')).to.equal(null);
    await expect(none).to.be.accessible();
  });
});

describe('live-chat-composer: typing', () => {
  it("tells the customer's channel while a reply is written, and when it stops; never for notes", async () => {
    const { backend, el, session } = await setup();
    const signals: boolean[] = [];
    const stop = backend.onOperatorTyping((typed, _userId, typing) => {
      if (typed.id === session.id) signals.push(typing);
    });
    try {
      const input = $<HTMLTextAreaElement>(el, 'textarea')!;
      input.focus();
      await sendKeys({ type: 'Hello' });
      await waitUntil(() => signals.length === 1, 'typing');
      expect(signals).to.deep.equal([true]);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => signals.length === 2, 'stopped on send');
      expect(signals).to.deep.equal([true, false]);

      await sendKeys({ type: 'More' });
      await waitUntil(() => signals.length === 3, 'typing again');
      input.blur();
      await waitUntil(() => signals.length === 4, 'stopped on blur');
      expect(signals).to.deep.equal([true, false, true, false]);

      // Leaving the session while typing stops it there.
      input.focus();
      await sendKeys({ type: 'Half a thought' });
      await waitUntil(() => signals.length === 5, 'typing again');
      el.sessionId = newSession(backend).id;
      await waitUntil(() => signals.length === 6, 'stopped on leaving');
      expect(signals.slice(4)).to.deep.equal([true, false]);
      el.sessionId = session.id;
      await waitUntil(() => el.acceptsInput, 'back');

      el.mode = 'note';
      await el.updateComplete;
      input.focus();
      await sendKeys({ type: ' a note for colleagues' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => backend.messagesOf(session.id).some((m) => m.internal), 'note');
      expect(signals, 'notes are never signalled').to.have.length(6);
    } finally {
      stop();
    }
  });
});
