import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cannedScopeKey, fillCannedReply, matchCannedReplies, type CannedReply } from './canned.js';

const reply = (shortcut: string, text = `Text of ${shortcut}`, personal = false): CannedReply => ({
  id: `cr-${shortcut}`,
  scope: personal ? { kind: 'personal', userId: 'u-1' } : { kind: 'live-chat', liveChatId: 'lc-1' },
  shortcut,
  text,
  updatedAt: 1,
  updatedBy: 'u-1',
});

describe('canned replies', () => {
  it('fill their variables, and leave unknown or empty ones as written', () => {
    const text =
      'Hi {{customer.name}}, {{ operator.name }} here about {{session.name}}. {{order.id}}';
    assert.equal(
      fillCannedReply(text, {
        'customer.name': 'Olivia',
        'operator.name': 'Anna',
        'session.name': '',
      }),
      'Hi Olivia, Anna here about {{session.name}}. {{order.id}}',
    );
    assert.equal(fillCannedReply('{{constructor.name}}', {}), '{{constructor.name}}');
    assert.equal(fillCannedReply('{{customer.name}}', { 'customer.name': '$& <b>' }), '$& <b>');
  });

  it('are found by shortcut prefix, then anywhere, then fuzzily, then by text', () => {
    const replies = [
      reply('refund'),
      reply('prefund-policy'),
      reply('hours', 'We are open from 9 to 5; refunds take a week.'),
      reply('greeting'),
      reply('rfx'),
    ];
    const found = (query: string) => matchCannedReplies(replies, query).map((r) => r.shortcut);
    assert.deepEqual(found('ref'), ['refund', 'prefund-policy', 'hours']);
    assert.deepEqual(found('rfnd'), ['refund', 'prefund-policy'], 'tighter and earlier first');
    assert.deepEqual(found('REF').slice(0, 1), ['refund'], 'case does not matter');
    assert.deepEqual(found('zzz'), []);
    assert.deepEqual(found(''), ['greeting', 'hours', 'prefund-policy', 'refund', 'rfx']);
    assert.equal(matchCannedReplies(replies, '', 2).length, 2, 'at most the limit');
  });

  it('put personal replies first on a tie, and key scopes apart', () => {
    const shared = reply('thanks');
    const own = { ...reply('thanks', 'Mine', true), id: 'cr-own' };
    assert.deepEqual(
      matchCannedReplies([shared, own], 'thanks').map((r) => r.id),
      ['cr-own', 'cr-thanks'],
    );
    assert.notEqual(cannedScopeKey(shared.scope), cannedScopeKey(own.scope));
  });
});
