// Node has no Web Locks: the tab-shared adapter falls back to the tab's own connection there.
// Election, forwarding and takeover are tested in Chromium (test/browser/tabs.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { LiveChatError } from '@live-chat/core';
import { createMemoryBackend } from '../memory/backend.js';
import { decode, encode, fromWireError, toWireError } from './messages.js';
import { createTabSharedAdapter } from './tab-shared-adapter.js';

const seed = {
  users: [{ id: 'u-anna', name: 'Anna Smirnova', role: 'operator' as const }],
  liveChats: [],
  groups: [],
  customers: [],
};

describe('createTabSharedAdapter without Web Locks', () => {
  it('uses connect() directly, alone, and disposes the real adapter with it', async () => {
    const backend = createMemoryBackend({ seed });
    let connects = 0;
    const adapter = createTabSharedAdapter({
      key: 'u-anna@memory',
      connect: () => {
        connects++;
        return backend.connect('u-anna');
      },
    });
    assert.equal(connects, 1);
    assert.equal(adapter.tabRole, 'alone');
    assert.equal(await firstValueFrom(adapter.tabRole$), 'alone');
    assert.equal((await adapter.snapshot()).me.id, 'u-anna');
    const states: string[] = [];
    adapter.connection$.subscribe((state) => states.push(state));
    adapter.dispose();
    assert.equal(states.at(-1), 'offline');
    await backend.dispose();
  });

  it('locks: null or channel: null share nothing either', () => {
    const backend = createMemoryBackend({ seed });
    const fakeLocks = { request: () => Promise.resolve(undefined) };
    for (const options of [{ locks: null }, { locks: fakeLocks, channel: null }]) {
      const adapter = createTabSharedAdapter({
        key: 'k',
        connect: () => backend.connect('u-anna'),
        ...options,
      });
      assert.equal(adapter.tabRole, 'alone');
      adapter.dispose();
    }
    void backend.dispose();
  });
});

describe('tab messages', () => {
  it('round-trip as JSON text and ignore foreign data', () => {
    const message = { kind: 'hello', from: 'tab-1' } as const;
    assert.deepEqual(decode(encode(message)), message);
    assert.equal(decode({ kind: 'hello', from: 'tab-1' }), undefined);
    assert.equal(decode('not json'), undefined);
    assert.equal(decode('{"kind":"hello"}'), undefined);
    assert.equal(decode('null'), undefined);
  });

  it('carry typed errors with code, message and details, and others as a plain Error', () => {
    const typed = toWireError(new LiveChatError('NOT_FOUND', 'No such session.', { id: 's-1' }));
    assert.deepEqual(typed, {
      code: 'NOT_FOUND',
      message: 'No such session.',
      details: { id: 's-1' },
    });
    const back = fromWireError(JSON.parse(JSON.stringify(typed)));
    assert.ok(back instanceof LiveChatError);
    assert.equal(back.code, 'NOT_FOUND');
    assert.deepEqual(back.details, { id: 's-1' });

    const plain = fromWireError(toWireError(new TypeError('socket closed')));
    assert.ok(!(plain instanceof LiveChatError));
    assert.equal(plain.message, 'socket closed');
    assert.equal((plain as { code?: unknown }).code, undefined);
  });
});
