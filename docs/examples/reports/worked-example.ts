import {
  liveChatPerformance,
  operatorsPerformance,
  type MessageAuthor,
  type MessageRecord,
  type ReportRecords,
  type Session,
  type SessionEpisode,
} from '@live-chat/core';

const chat = 'lc-support';
/** A time on 2 or 3 March 2026, UTC. */
const at = (day: 2 | 3, time: string) => Date.parse(`2026-03-0${day}T${time}:00Z`);

/** One record per episode: when it started, was taken, first answered and closed. */
// prettier-ignore
const episodes: SessionEpisode[] = [
  // s1: Anna takes it after 2 min, answers after 3, closes after 20.
  { sessionId: 's1', liveChatId: chat, origin: 'customer', startedAt: at(2, '09:00'),
    takenAt: at(2, '09:02'), takenBy: 'op-anna', firstResponseAt: at(2, '09:03'), firstResponderId: 'op-anna',
    closedAt: at(2, '09:20'), closedBy: 'op-anna' },
  // s2: Ben takes it after 10 min, answers after 12, closes after 40.
  { sessionId: 's2', liveChatId: chat, origin: 'customer', startedAt: at(2, '10:00'),
    takenAt: at(2, '10:10'), takenBy: 'op-ben', firstResponseAt: at(2, '10:12'), firstResponderId: 'op-ben',
    closedAt: at(2, '10:40'), closedBy: 'op-ben' },
  // s3: still waiting in the queue.
  { sessionId: 's3', liveChatId: chat, origin: 'customer', startedAt: at(2, '14:00') },
  // s4: Anna starts an outbound session (taken and answered at once), closes it after 30 min.
  { sessionId: 's4', liveChatId: chat, origin: 'outbound', startedAt: at(3, '09:00'),
    takenAt: at(3, '09:00'), takenBy: 'op-anna', firstResponseAt: at(3, '09:00'), firstResponderId: 'op-anna',
    closedAt: at(3, '09:30'), closedBy: 'op-anna' },
  // s5: Ben takes it after 6 min and has not answered yet.
  { sessionId: 's5', liveChatId: chat, origin: 'customer', startedAt: at(3, '15:00'),
    takenAt: at(3, '15:06'), takenBy: 'op-ben' },
];

const customer: MessageAuthor = { kind: 'customer', customerId: 'a customer' };
const anna: MessageAuthor = { kind: 'operator', userId: 'op-anna' };
const ben: MessageAuthor = { kind: 'operator', userId: 'op-ben' };
const message = (author: MessageAuthor, day: 2 | 3, time: string): MessageRecord => ({
  liveChatId: chat,
  author,
  at: at(day, time),
});

// prettier-ignore
const messages: MessageRecord[] = [
  message(customer, 2, '09:00'), message(anna, 2, '09:03'), message(customer, 2, '09:05'), message(anna, 2, '09:19'), // s1
  message(customer, 2, '10:00'), message(ben, 2, '10:12'), message(customer, 2, '10:15'), message(ben, 2, '10:30'), // s2
  message(customer, 2, '14:00'), // s3
  message(anna, 3, '09:00'), message(customer, 3, '09:10'), // s4
  message(customer, 3, '15:00'), // s5
];

/** The sessions as they are now, for "open now". */
const session = (
  id: string,
  status: Session['status'],
  assignee: Session['assignee'],
): Session => ({
  ...{ id, liveChatId: chat, customerId: 'a customer', name: id, channel: 'web', status, assignee },
  ...{ firstMessageAt: 0, lastMessageAt: 0, lastMessagePreview: '', lastMessageOrder: 0 },
  ...{ queuedAt: null, lastOperatorId: null, bindings: [] },
});
const sessions: Session[] = [
  session('s1', 'closed', null),
  session('s2', 'closed', null),
  session('s3', 'queued', null),
  session('s4', 'closed', null),
  session('s5', 'active', { kind: 'operator', operatorId: 'op-ben' }),
];

export const records: ReportRecords = { episodes, messages, sessions };

/** Both days: [2 March 00:00, 4 March 00:00) UTC. */
const range = { from: at(2, '00:00'), to: at(3, '00:00') + 86_400_000 };

export const liveChatReport = liveChatPerformance(records, {
  kind: 'live-chat-performance',
  liveChatId: chat,
  range,
});

export const operatorsReport = operatorsPerformance(
  records,
  { kind: 'operators-performance', liveChatId: chat, range },
  ['op-anna', 'op-ben', 'op-chloe'], // the live chat's operators; Chloe has no records
);
