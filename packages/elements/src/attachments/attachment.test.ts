import '../locales/ru.js'; // the Russian texts, which one of these tests shows
import { expect, fixture, html } from '@open-wc/testing';
import type { Attachment, LiveChatClient } from '@live-chat/core';
import './attachment.js';
import type { LiveChatAttachment } from './attachment.js';
import { customerSendsFiles, PDF, PNG } from './attachments-testing.js';
import { newSession } from '../test/customer-writes.js';
import { seededClient, waitUntil } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';

/** A file the customer of a new session sent, as the operator's client knows it. */
async function sentFile(
  name: string,
  bytes: Uint8Array,
): Promise<{ client: LiveChatClient; attachment: Attachment }> {
  const { backend, client } = await seededClient();
  const session = newSession(backend);
  const [id] = await customerSendsFiles(backend, session.id, [{ name, bytes }]);
  const message = backend.messagesOf(session.id).at(-1)!;
  const attachment = message.attachments!.find((file) => file.id === id)!;
  return { client, attachment };
}

const mount = (client: LiveChatClient, attachment: Attachment, locale = 'en') =>
  fixture<LiveChatAttachment>(
    html`<live-chat-attachment
      .client=${client}
      .attachment=${attachment}
      locale=${locale}
    ></live-chat-attachment>`,
  );

const part = <T extends Element = HTMLElement>(el: LiveChatAttachment, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('live-chat-attachment', () => {
  it('alone: a file is a Download button with its name and size, and no preview', async () => {
    const { client, attachment } = await sentFile('invoice.pdf', PDF);
    const el = await mount(client, attachment);
    expect(text(part(el, 'download'))).to.equal(`Download invoice.pdf ${PDF.length} bytes`);
    expect(part(el, 'preview')).to.equal(null);
    expect(part(el, 'preview-status')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('alone: an image shows its preview once on the page', async () => {
    const { client, attachment } = await sentFile('photo.png', PNG);
    const el = await mount(client, attachment);
    await waitUntil(() => el.shadowRoot!.querySelector('img'), 'preview');
    expect(el.shadowRoot!.querySelector('img')!.alt).to.equal('photo.png');
    await expect(el).to.be.accessible();
  });

  it('speaks Russian', async () => {
    const { client, attachment } = await sentFile('фото.png', PNG);
    const el = await mount(client, attachment, 'ru');
    expect(text(part(el, 'download'))).to.equal(`Скачать фото.png ${PNG.length} байт`);
    await waitUntil(() => part(el, 'preview'), 'preview');
    expect(part(el, 'preview')!.title).to.equal('Показать крупнее');
  });

  it('leaves nothing behind after being mounted and removed 50 times', async () => {
    const { client, attachment } = await sentFile('photo.png', PNG);
    await testForLeaks(
      ({ client }) =>
        html`<live-chat-attachment
          .client=${client}
          .attachment=${attachment}
        ></live-chat-attachment>`,
      {
        client,
        subscriptions: 1,
        ready: (el: LiveChatAttachment) =>
          waitUntil(() => el.shadowRoot!.querySelector('img'), 'preview'),
      },
    );
  });
});
