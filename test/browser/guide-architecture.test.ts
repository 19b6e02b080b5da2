// docs/architecture.md, "Adding a component": the guide's example component works as written,
// on its own with a `client`: it shows the signed-in user, opens the oldest queued session with
// a typed, bubbling, composed event, follows `locale`, and is accessible.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import { LiveChatSignedIn } from '../../docs/examples/architecture/signed-in.js';
import { createTestBackend, waitForText } from './support/dom.js';

describe('docs/architecture.md: the example component', function () {
  this.timeout(30_000);

  let backend: MemoryBackend;
  let client: LiveChatClient;

  beforeEach(() => {
    backend = createTestBackend();
    client = createLiveChatClient({ adapter: backend.connect(SEED_USERS.operatorA) });
  });

  afterEach(async () => {
    client.dispose();
    await backend.dispose();
  });

  it('shows the user, opens the oldest queued session, follows the locale', async () => {
    const element = await fixture<LiveChatSignedIn>(
      html`<live-chat-signed-in .client=${client}></live-chat-signed-in>`,
    );
    expect(element).to.be.instanceOf(LiveChatSignedIn);
    await waitForText(element, 'Signed in as');
    await expect(element).to.be.accessible();

    const button = element.shadowRoot!.querySelector('button')!;
    const oldest = client.oldestQueued();
    expect(oldest, 'the seed data has a queued session').to.not.equal(undefined);
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'live-chat-session-open');
    expect(event.detail.sessionId).to.equal(oldest!.session.id);
    expect(event.composed).to.equal(true);

    element.locale = 'ru';
    await waitForText(element, 'Вы вошли как');
    element.noShortcut = true;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('button')).to.equal(null);
  });
});
