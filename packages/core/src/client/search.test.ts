import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Subject } from 'rxjs';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter } from './testing/fake-adapter.js';
import { makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, whenReady } from './testing/helpers.js';

const DEBOUNCE = 15;
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function setup() {
  const fake = createFakeAdapter({
    initial: makeSnapshot({
      sessions: [
        makeSession('s1', { name: 'Refund for Anna' }),
        makeSession('s2', { name: 'Delivery' }),
      ],
    }),
  });
  const client = createLiveChatClient({ adapter: fake.adapter, searchDebounceMs: DEBOUNCE });
  await whenReady(client);
  const input = new Subject<{ text: string; sessionId?: string }>();
  const states = record(client.search$(input));
  return { fake, client, input, states };
}

describe('search$', () => {
  it('debounces typing into one query and streams searching → done', async () => {
    const { fake, client, input, states } = await setup();
    input.next({ text: 'r' });
    input.next({ text: 're' });
    input.next({ text: 'ref' });
    assert.equal(fake.calls.search.length, 0);
    await wait(DEBOUNCE * 3);
    assert.deepEqual(fake.calls.search, [{ text: 'ref' }]);
    assert.deepEqual(
      states.values.map((s) => s.status),
      ['searching', 'done'],
    );
    const done = states.values[1];
    assert.equal(done.text, 'ref');
    assert.deepEqual(done.hits, [
      { kind: 'session', sessionId: 's1', text: 'Refund for Anna', ranges: [{ start: 0, end: 3 }] },
    ]);
    client.dispose();
  });

  it('blank text is idle without asking the adapter; a repeated query is not re-run', async () => {
    const { fake, client, input, states } = await setup();
    input.next({ text: 'deliv' });
    await wait(DEBOUNCE * 3);
    input.next({ text: 'deliv' });
    await wait(DEBOUNCE * 3);
    input.next({ text: '  ' });
    await wait(DEBOUNCE * 3);
    assert.equal(fake.calls.search.length, 1);
    assert.deepEqual(
      states.values.map((s) => s.status),
      ['searching', 'done', 'idle'],
    );
    assert.deepEqual(states.values[2].hits, []);
    client.dispose();
  });

  it('a newer query cancels the stale one: its late answer is never shown', async () => {
    const { fake, client, input, states } = await setup();
    const answers: Array<(hits: SearchHit[]) => void> = [];
    fake.searchHandler = (_query: SearchQuery) =>
      new Promise<SearchHit[]>((resolve) => answers.push(resolve));
    input.next({ text: 'first' });
    await wait(DEBOUNCE * 3);
    input.next({ text: 'second', sessionId: 's1' });
    await wait(DEBOUNCE * 3);
    assert.deepEqual(fake.calls.search, [{ text: 'first' }, { text: 'second', sessionId: 's1' }]);
    answers[1]([{ kind: 'session', sessionId: 's1', text: 'second', ranges: [] }]);
    await wait(1);
    answers[0]([{ kind: 'session', sessionId: 's2', text: 'first', ranges: [] }]);
    await wait(1);
    assert.deepEqual(
      states.values.map((s) => `${s.text}:${s.status}`),
      ['first:searching', 'second:searching', 'second:done'],
    );
    assert.equal(states.values[2].sessionId, 's1');
    client.dispose();
  });

  it('an adapter failure becomes an error state, and typing again recovers', async () => {
    const { fake, client, input, states } = await setup();
    const serve = fake.searchHandler;
    fake.searchHandler = async () => {
      throw Object.assign(new Error('search is down'), { code: 'OFFLINE' });
    };
    input.next({ text: 'anna' });
    await wait(DEBOUNCE * 3);
    assert.deepEqual(states.values.at(-1)?.error, { code: 'OFFLINE', message: 'search is down' });
    fake.searchHandler = serve;
    input.next({ text: 'anna ' });
    await wait(DEBOUNCE * 3);
    assert.equal(states.values.at(-1)?.status, 'done');
    client.dispose();
  });

  it('dispose ends the search stream', async () => {
    const { client, input, states } = await setup();
    client.dispose();
    assert.equal(states.completed(), true);
    assert.equal(input.observed, false);
  });
});
