/**
 * Test support: generated sessions of Support, as many as a test needs (thousands for the
 * virtualised list), for the memory backend's seed. Plain data: the browser benchmark uses it too.
 */
import type { Customer, Session } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import { supportTeamSeed } from './small-seed.js';

/** When the first generated session started: an hour before the module loaded. */
const T0 = Date.now() - 3_600_000;

/**
 * `count` sessions of Support (`s-gen-0`, …), oldest first an hour ago, 100 ms apart, each with
 * its own customer (`c-gen-0`, …): queued and unassigned unless said otherwise.
 */
export function generatedSessions(
  count: number,
  assignee: Session['assignee'] = null,
  status: Session['status'] = 'queued',
): { sessions: Session[]; customers: Customer[] } {
  const sessions: Session[] = [];
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const at = T0 + i * 100;
    customers.push({
      id: `c-gen-${i}`,
      kind: 'external',
      name: `Customer ${i + 1}`,
      account: `@c${i}`,
      messenger: 'telegram',
    });
    sessions.push({
      id: `s-gen-${i}`,
      liveChatId: 'lc-support',
      customerId: `c-gen-${i}`,
      name: `Customer ${i + 1}`,
      channel: 'telegram',
      status,
      assignee,
      firstMessageAt: at,
      lastMessageAt: at,
      lastMessagePreview: `Question number ${i + 1}`,
      lastMessageOrder: 0,
      queuedAt: status === 'queued' ? at : null,
      lastOperatorId: assignee?.kind === 'operator' ? assignee.operatorId : null,
      bindings: [],
    });
  }
  return { sessions, customers };
}

/** Support's team seed with these sessions (and their customers) instead of its own. */
export function supportTeamSeedWith(extra: Pick<SeedData, 'sessions' | 'customers'>): SeedData {
  const seed = supportTeamSeed();
  return {
    ...seed,
    customers: [...seed.customers, ...(extra.customers ?? [])],
    sessions: extra.sessions ?? [],
  };
}
