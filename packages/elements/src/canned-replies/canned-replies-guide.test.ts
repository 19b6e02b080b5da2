/**
 * The guide's example (docs/examples/getting-started/canned-replies.ts) against the memory
 * backend: what it adds for a supervisor, and what it answers an operator.
 */
import { expect } from '@open-wc/testing';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { addStarterReplies } from '../../../../docs/examples/getting-started/canned-replies.js';
import { seededClient, waitUntil } from '../test/seeded-client.js';

const SUPPORT = SEED_LIVE_CHATS.support;

describe('the guide’s starter canned replies', () => {
  it('adds what a supervisor’s live chat lacks, keeping a shortcut it already uses', async () => {
    const { client } = await seededClient({ userId: SEED_USERS.supervisor });
    const hello = client.getCannedReplies().find((r) => r.shortcut === 'hello')!;
    expect(await addStarterReplies(client, SUPPORT)).to.deep.equal(['bye']);
    await waitUntil(() => client.getCannedReplies().some((r) => r.shortcut === 'bye'), 'listed');
    expect(client.getCannedReplies().find((r) => r.shortcut === 'hello')).to.deep.equal(hello);
  });

  it('is refused for an operator: only supervisors keep a live chat’s replies', async () => {
    const { client } = await seededClient();
    const error = await addStarterReplies(client, SUPPORT).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    expect(error?.message).to.equal("Only the live chat's supervisors keep its canned replies.");
    expect(client.getCannedReplies().some((r) => r.shortcut === 'bye')).to.equal(false);
  });
});
