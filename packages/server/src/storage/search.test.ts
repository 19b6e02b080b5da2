// Full-text search: the FTS5 index finds exactly what the engine's matching finds, and a search
// answered from the index (the proposed port hooks) equals the engine's own search, scope and
// order included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canView,
  findRanges,
  searchScoped,
  viewerFor,
  type Id,
  type Result,
  type SearchHit,
  type SearchQuery,
} from '@live-chat/core';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { SqliteBackend } from './backend.js';
import { foldForSearch, matchExpression } from './search-text.js';
import type { SqliteStore } from './store.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { openTestBackend } from './testing/test-backend.js';

const NOW = Date.UTC(2026, 10, 27, 12);

/**
 * A search answered through the store's index hooks, composed as the engine would compose it
 * with the proposed port change: the viewer's live chats, `canView`, core `searchScoped`.
 */
function searchThroughIndex(
  store: SqliteStore,
  userId: Id,
  query: SearchQuery,
): Result<SearchHit[]> {
  return store.run((tx) => {
    const { liveChats, groups } = tx.membershipsOf(userId);
    const viewer = viewerFor(userId, liveChats, groups);
    if (query.sessionId === undefined) {
      const candidates = [];
      for (const liveChatId of new Set([...viewer.operatorOf, ...viewer.supervisorOf])) {
        for (const session of tx.sessionsMatching(liveChatId, query.text)) {
          if (canView(viewer, session)) candidates.push(session);
        }
      }
      return { ok: true, value: searchScoped(query, candidates, () => []) };
    }
    const session = tx.session(query.sessionId);
    if (!session || !canView(viewer, session)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'not visible' } };
    }
    const messages = tx.messagesMatching(session.id, query.text);
    return { ok: true, value: searchScoped(query, [session], () => messages) };
  }, true);
}

describe('search folding', () => {
  it('folds exactly as core findRanges matches', () => {
    const alphabet = [...'aAäÄáÁeéÈiİıIoöøØuüßşŞçÇñÑйиЙИёеάαΑ ́ -"*'];
    const text = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (haystack, needle) => {
        const folded = foldForSearch(needle.trim());
        fc.pre(folded.length > 0);
        const expected = findRanges(haystack, needle).length > 0;
        assert.equal(foldForSearch(haystack).includes(folded), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every UTF-16 length', () => {
    for (const text of ['Ŝtraße', 'İstanbul', 'ǅemal', 'Ω', '😀 ok', 'Москва́']) {
      assert.equal(foldForSearch(text).length, text.length);
    }
  });

  it('quotes the needle as one phrase, or leaves short needles to a scan', () => {
    assert.equal(matchExpression('  Ab'), undefined);
    assert.equal(matchExpression('Zoë'), '"zoe"');
    assert.equal(matchExpression('say "hi"'), '"say ""hi"""');
  });
});

describe('FTS5 search over the SQLite store', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  const staff = Object.values(SEED_USERS);
  const queries = [
    'order',
    'ORDER',
    'invoice',
    'Olivia',
    'olivia bennett',
    '(Telegram)',
    'telegram',
    'refund',
    'help',
    'Zoë',
    'zoe',
    'José',
    'jose',
    'а',
    'ab',
    'e',
    ' e ',
    '',
    '   ',
    'the',
    'thanks!',
    'no such text anywhere',
    '"',
    'a"b"c',
    'NEAR(x y)',
    'help*',
    '-order',
    'and OR not',
    'col:umn',
    'Приве',
    'привет',
  ];

  before(() => {
    dir = createTempDir();
    backend = openTestBackend(dir.path, {
      seed: createSeedData({ now: NOW }),
      now: () => NOW,
    });
    // Texts with accents, other scripts and FTS syntax in them.
    const customers = backend.store.run((tx) => [...tx.customers()], true);
    const external = customers.filter((c) => c.kind === 'external' && c.messenger === 'telegram');
    for (const [index, text] of [
      'Zoë wrote: my order #123 is late',
      'Привет! Где мой заказ?',
      'José asks: "refund" AND (return) OR exchange*',
      'col:umn -minus NEAR(a b)',
    ].entries()) {
      const customer = external[index] as { id: Id };
      const written = backend.customerWrites({
        customerId: customer.id,
        liveChatId: SEED_LIVE_CHATS.support,
        channel: 'telegram',
        text,
      });
      assert.ok(written.ok, JSON.stringify(written));
    }
  });

  after(async () => {
    await backend.dispose();
    dir.remove();
  });

  it('answers name searches as the engine does, for every user', () => {
    for (const userId of staff) {
      for (const text of queries) {
        for (const limit of [undefined, 3]) {
          const query: SearchQuery = limit === undefined ? { text } : { text, limit };
          const engine = backend.search(userId, query);
          assert.ok(engine.ok);
          assert.deepEqual(
            searchThroughIndex(backend.store, userId, query),
            engine,
            `${userId} "${text}"`,
          );
        }
      }
    }
  });

  it('answers searches in one session as the engine does, and only in sessions the user sees', () => {
    const sessions = backend.sessions();
    let compared = 0;
    for (const userId of [SEED_USERS.operatorA, SEED_USERS.supervisor, SEED_USERS.operatorE]) {
      for (const session of sessions) {
        for (const text of queries) {
          const query = { text, sessionId: session.id };
          const engine = backend.search(userId, query);
          const indexed = searchThroughIndex(backend.store, userId, query);
          assert.equal(indexed.ok, engine.ok, `${userId} in ${session.id}`);
          if (engine.ok) {
            assert.deepEqual(indexed, engine, `${userId} "${text}" in ${session.id}`);
            compared++;
          } else {
            assert.equal(engine.error.code, 'FORBIDDEN');
          }
        }
      }
    }
    assert.ok(compared > 100, `compared ${compared} searches`);
  });

  it('finds exactly the messages that contain the text (no false hits, none missed)', () => {
    const sessions = backend.sessions();
    let hits = 0;
    for (const session of sessions) {
      const messages = backend.messagesOf(session.id);
      for (const text of queries) {
        if (matchExpression(text) === undefined) continue;
        const found = backend.store.run((tx) => tx.messagesMatching(session.id, text), true);
        const expected = messages
          .filter((message) => findRanges(message.text, text).length > 0)
          .reverse();
        assert.deepEqual(found, expected, `"${text}" in ${session.id}`);
        hits += found.length;
      }
    }
    assert.ok(hits > 50, `${hits} messages found`);
  });

  it('never shows an outsider the live chat’s sessions', () => {
    const outsider = SEED_USERS.operatorE;
    const viewable = new Set(
      backend.sessions(SEED_LIVE_CHATS.helpDesk).map((session) => session.id),
    );
    for (const text of queries) {
      const hits = searchThroughIndex(backend.store, outsider, { text });
      assert.ok(hits.ok);
      for (const hit of hits.value) assert.ok(viewable.has(hit.sessionId), hit.sessionId);
    }
  });

  it('indexes a renamed session under its new name', () => {
    const session = backend.sessions(SEED_LIVE_CHATS.support).find((s) => s.status === 'active');
    assert.ok(session && session.assignee?.kind === 'operator');
    const renamed = backend.execute(session.assignee.operatorId, {
      type: 'session.rename',
      sessionId: session.id,
      name: 'Ünusual Reñame',
      commandId: 'rename-for-search',
    });
    assert.ok(renamed.ok, JSON.stringify(renamed));
    const found = (text: string) =>
      backend.store.run((tx) => tx.sessionsMatching(SEED_LIVE_CHATS.support, text), true);
    assert.deepEqual(
      found('unusual rena').map((s) => s.id),
      [session.id],
    );
    assert.ok(!found(session.name).some((s) => s.id === session.id));
    const hits = backend.search(SEED_USERS.supervisor, { text: 'UNUSUAL' });
    assert.ok(hits.ok);
    assert.deepEqual(
      searchThroughIndex(backend.store, SEED_USERS.supervisor, { text: 'UNUSUAL' }),
      hits,
    );
  });
});
