import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forwardingAdapter } from './forwarding-adapter.js';
import { createMemoryBackend } from './memory/backend.js';
import { createSeedData, SEED_USERS } from './memory/seed.js';
import { bareAdapter } from './tabs/testing/bare-adapter.js';

describe('forwardingAdapter', () => {
  it('passes on the optional members the adapter has, and reads its policy on each access', async () => {
    const backend = createMemoryBackend({ seed: createSeedData({ history: false }) });
    const inner = backend.connect(SEED_USERS.operatorA);
    const wrapped = forwardingAdapter(inner);
    for (const member of ['upload', 'download', 'typing$', 'sendTyping', 'attachmentPolicy']) {
      assert.ok(member in wrapped, member);
    }
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

  it('has none of them when the adapter has none, so the workspace offers no files', () => {
    const backend = createMemoryBackend({ seed: createSeedData({ history: false }) });
    const inner = backend.connect(SEED_USERS.operatorA);
    const bare = bareAdapter(inner);
    const wrapped = forwardingAdapter(bare, { dispose: () => inner.dispose() });
    for (const member of ['upload', 'download', 'typing$', 'sendTyping', 'attachmentPolicy']) {
      assert.equal(member in wrapped, false, member);
    }
    wrapped.dispose?.();
  });
});
