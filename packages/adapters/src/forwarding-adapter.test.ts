import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forwardingAdapter } from './forwarding-adapter.js';
import { createMemoryBackend } from './memory/backend.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from './memory/seed.js';
import { bareAdapter } from './tabs/testing/bare-adapter.js';

/** The optional members of the adapter contract. */
const OPTIONAL = [
  'customers',
  'upload',
  'download',
  'typing$',
  'sendTyping',
  'attachmentPolicy',
] as const;

describe('forwardingAdapter', () => {
  it('passes on the optional members the adapter has, and reads its policy on each access', async () => {
    const seed = createSeedData({ history: false });
    const backend = createMemoryBackend({ seed });
    const inner = backend.connect(SEED_USERS.operatorA);
    const wrapped = forwardingAdapter(inner);
    for (const member of OPTIONAL) assert.ok(member in wrapped, member);
    const customer = seed.customers.find(
      (c) => c.kind === 'external' && c.messenger === 'telegram',
    )!;
    backend.customerWrites({
      customerId: customer.id,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text: 'Hello',
    });
    assert.deepEqual(await wrapped.customers!({ ids: [customer.id, 'cust-nobody'] }), [customer]);
    assert.deepEqual(wrapped.attachmentPolicy, inner.attachmentPolicy);
    const file = await wrapped.upload!({
      name: 'note.txt',
      bytes: new TextEncoder().encode('hello'),
    });
    assert.deepEqual(
      [...(await wrapped.download!(file.id))],
      [...new TextEncoder().encode('hello')],
    );
    inner.dispose();
    await backend.dispose();
  });

  it('has none of them when the adapter has none, so the workspace offers no files and reads no customers', () => {
    const backend = createMemoryBackend({ seed: createSeedData({ history: false }) });
    const inner = backend.connect(SEED_USERS.operatorA);
    const bare = bareAdapter(inner);
    const wrapped = forwardingAdapter(bare, { dispose: () => inner.dispose() });
    for (const member of OPTIONAL) assert.equal(member in wrapped, false, member);
    wrapped.dispose?.();
  });
});
