import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'monitor.title': 'Live monitor',
  'monitor.summary-caption': 'Your live chats now',
  'monitor.operators-caption': 'Operators of {liveChat}',
  'monitor.live-chat': 'Live chat',
  'monitor.waiting': 'Waiting now',
  'monitor.longest-wait': 'Longest wait',
  'monitor.active': 'Active sessions',
  'monitor.operators': 'Operators',
  'monitor.operator': 'Operator',
  'monitor.status': 'Status',
  'monitor.load': 'Active sessions',
  'monitor.by-status': '{online} online, {away} away, {offline} offline',
  'monitor.status.online': 'Online',
  'monitor.status.away': 'Away',
  'monitor.status.offline': 'Offline',
  'monitor.status.away-auto': 'Away (idle)',
  'monitor.status.offline-auto': 'Offline (disconnected)',
  'monitor.nobody-waits': 'Nobody waits',
  'monitor.no-operators': 'This live chat has no operators.',
  'monitor.read': 'Read the figures aloud',
  'monitor.read-hint': 'The figures update live; this button has them read to you once.',
  'monitor.spoken':
    '{liveChat}: {waiting} waiting, longest wait {wait}, {active} active, {operators}.',
  'monitor.loading': 'Loading the live monitor…',
  'monitor.error': 'The live monitor could not be loaded. {reason}',
  'monitor.denied': 'Only supervisors see the monitor.',
  'monitor.denied-hint':
    'You supervise no live chat. Ask an administrator to make you a supervisor of one.',
  'monitor.no-client':
    'Not connected: set the client property (or place the monitor inside <live-chat-workspace>).',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    monitor: typeof en;
  }
}
