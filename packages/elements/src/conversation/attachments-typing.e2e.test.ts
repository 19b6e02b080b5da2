/**
 * End-to-end, in the full workspace on the memory backend, as an operator uses it: the
 * customer types and sends a screenshot, the operator sees both, then answers with a file
 * while the customer's channel is told she is typing.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createSeedData, SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import {
  customerSendsFiles,
  fileOf,
  PDF,
  PNG,
  transferOf,
} from '../attachments/attachments-testing.js';
import { newSession } from '../test/customer-writes.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { signedInWorkspace } from '../test/signed-in-workspace.js';

const { operatorA: ANNA } = SEED_USERS;

/** The seed's people and live chats, without history. */
function emptyWorld(): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.UTC(2026, 10, 20) });
  return memoryBackend({ users, liveChats, groups, customers });
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('end to end: attachments and typing', () => {
  it('Anna sees Vera type and her screenshot, then answers with a PDF while Vera is told she types', async () => {
    const backend = emptyWorld();
    const session = newSession(backend, ['The app shows an error'], { name: 'Vera Quinn' });
    backend.execute(ANNA, { type: 'session.take', commandId: 'take-1', sessionId: session.id });
    const signals: boolean[] = [];
    afterThisTest(
      backend.onOperatorTyping((typed, userId, typing) => {
        if (typed.id === session.id && userId === ANNA) signals.push(typing);
      }),
    );
    const { el } = await signedInWorkspace(backend, ANNA);
    el.sessionId = session.id;
    await settle(el);
    const find = <T extends Element = HTMLElement>(selector: string) => deepQuery<T>(el, selector);
    await waitUntil(() => find('[part~="composer-input"]'), 'conversation shown');

    // Vera types: Anna sees it under the history.
    await backend.customerTyping(session.customerId, session.liveChatId, true);
    await waitUntil(() => text(find('[part~="typing"]')) === 'Vera Quinn is typing…', 'typing');

    // Vera sends a screenshot: the line goes, the image shows in the history.
    await customerSendsFiles(backend, session.id, [{ name: 'error.png', bytes: PNG }], 'Look');
    await waitUntil(() => text(find('[part~="typing"]')) === '', 'typing over');
    await waitUntil(() => find('img'), 'screenshot shown');
    const img = find<HTMLImageElement>('img')!;
    expect(img.alt).to.equal('error.png');
    expect(img.src.startsWith('blob:')).to.equal(true);

    // Anna writes (her typing reaches the channel) and attaches a PDF.
    find('[part~="composer-input"]')!.focus();
    await sendKeys({ type: 'Here are the steps' });
    await waitUntil(() => signals.includes(true), 'typing sent');
    const input = find<HTMLInputElement>('input[type="file"]')!;
    input.files = transferOf(fileOf('steps.pdf', PDF)).files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => find('[part~="attachment-chip"][part~="ready"]'), 'uploaded');
    find('[part~="composer-input"]')!.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => backend.messagesOf(session.id).length === 3, 'reply stored');
    const reply = backend.messagesOf(session.id)[2]!;
    expect(reply.text).to.equal('Here are the steps');
    expect(reply.attachments?.map((file) => [file.name, file.type])).to.deep.equal([
      ['steps.pdf', 'application/pdf'],
    ]);
    await waitUntil(() => signals.at(-1) === false, 'typing stopped on send');
    expect(find('[part~="attachment-chip"]'), 'the chips clear').to.equal(null);
    await waitUntil(
      () =>
        deepQueryAll(el.shadowRoot!, '[part~="download"]').some((b) =>
          text(b).includes('steps.pdf'),
        ),
      'her file in the history',
    );
  });
});
