/// <reference types="node" />
// packages/core/README.md: its example runs as written against the memory backend.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the @live-chat/core README example takes the oldest queued session and replies', async () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await import('../../docs/examples/readme/core.js');
  } finally {
    console.log = log;
  }
  assert.ok(lines.length >= 2, `the example logged counters: ${lines.join(' | ')}`);
  assert.match(lines[0]!, /^\d+ unread in my sessions, \d+ new sessions$/);
  assert.ok(!lines.some((line) => line.startsWith('Not taken')), lines.join(' | '));
  // Taking the oldest queued session leaves one fewer new session.
  const news = lines.map((line) => Number(/(\d+) new sessions/.exec(line)![1]));
  assert.equal(news.at(-1), Math.max(...news) - 1);
});
