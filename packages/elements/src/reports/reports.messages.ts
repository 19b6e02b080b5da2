import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

// The "How is this computed?" texts paraphrase the doc comments of `operatorsPerformance` and
// `liveChatPerformance` in packages/core/src/domain/reports.ts: change them together.
/** English, the source language: its keys are the component's keys. */
const en = {
  'live-chat-reports.tabs': 'Report',
  'live-chat-reports.tab.operators-performance': "Operators' performance",
  'live-chat-reports.tab.live-chat-performance': 'Live chat performance',
  'live-chat-reports.filters': 'Report settings',
  'live-chat-reports.live-chat': 'Live chat',
  'live-chat-reports.live-chat.unknown': 'Live chat {id}',
  'live-chat-reports.from': 'From',
  'live-chat-reports.to': 'To',
  'live-chat-reports.range': '{from} – {to}',
  'live-chat-reports.range.missing': 'Choose both a start and an end date.',
  'live-chat-reports.range.invalid': 'The start date must be on or before the end date.',
  'live-chat-reports.range.too-long': {
    one: 'Choose a period of at most {count} day.',
    other: 'Choose a period of at most {count} days.',
  },
  'live-chat-reports.loading': 'Loading the report…',
  'live-chat-reports.client-loading': 'Loading your live chats…',
  'live-chat-reports.no-client': 'Reports are not connected to a live chat client.',
  'live-chat-reports.no-live-chats':
    'You do not belong to any live chat, so there is no report to show.',
  'live-chat-reports.empty': 'No data for this period.',
  'live-chat-reports.offline':
    'You are offline: reports cannot be loaded until the connection is back.',
  'live-chat-reports.error': 'The report could not be loaded. {reason}',
  'live-chat-reports.retry': 'Try again',
  'live-chat-reports.how': 'How is this computed?',
  'live-chat-reports.how-for': 'How is “{figure}” computed?',
  'live-chat-reports.no-average': 'A dash (—) means there was nothing to average.',

  'live-chat-reports.operators.caption': "Operators' performance in {liveChat}, {range}",
  'live-chat-reports.operators.operator': 'Operator',
  'live-chat-reports.operators.sessionsTaken': 'Sessions taken',
  'live-chat-reports.operators.sessionsClosed': 'Sessions closed',
  'live-chat-reports.operators.messagesSent': 'Messages sent',
  'live-chat-reports.operators.averageFirstResponse': 'Average first response',
  'live-chat-reports.operators.averageResolution': 'Average resolution',
  'live-chat-reports.operators.openNow': 'Open now',
  'live-chat-reports.operators.formulas': 'How the columns are computed',
  'live-chat-reports.formula.operators.sessionsTaken':
    'How many times in the period the operator was the first to get a session of this live chat: by taking it from the queue, replying to it, being assigned it or starting it. A session closed and reopened counts again.',
  'live-chat-reports.formula.operators.sessionsClosed':
    'Sessions of this live chat that the operator closed in the period.',
  'live-chat-reports.formula.operators.messagesSent':
    'Messages the operator wrote in this live chat in the period.',
  'live-chat-reports.formula.operators.averageFirstResponse':
    'For the sessions where the operator sent the first operator reply in the period: the average time from the start of the session (the customer’s first message, or the outbound start) to that reply.',
  'live-chat-reports.formula.operators.averageResolution':
    'For the sessions the operator closed in the period: the average time from the start of the session to its close.',
  'live-chat-reports.formula.operators.openNow':
    'Active sessions of this live chat assigned to the operator right now, whatever the period.',

  'live-chat-reports.live-chat.title': 'Live chat performance in {liveChat}, {range}',
  'live-chat-reports.chart.title': 'Requests per day',
  'live-chat-reports.chart.summary': {
    one: 'Requests per day, {range}: {count} request in total; the busiest day was {day} with {max}.',
    other:
      'Requests per day, {range}: {count} requests in total; the busiest day was {day} with {max}.',
  },
  'live-chat-reports.chart.summary-empty': 'Requests per day, {range}: no requests.',
  'live-chat-reports.chart.bar': {
    one: '{day}: {count} request',
    other: '{day}: {count} requests',
  },
  'live-chat-reports.chart.show-table': 'Show the data as a table',
  'live-chat-reports.chart.table-caption': 'Requests per day, {range}',
  'live-chat-reports.chart.day': 'Day',
  'live-chat-reports.chart.requests': 'Requests',
  'live-chat-reports.tags.caption': 'Requests by tag, {range}: the tags their sessions carry now',
  'live-chat-reports.tags.tag': 'Tag',
  'live-chat-reports.figures': 'Figures',
  'live-chat-reports.figure.requests': 'Requests',
  'live-chat-reports.figure.closed': 'Closed',
  'live-chat-reports.figure.averageWaitInQueue': 'Average wait in queue',
  'live-chat-reports.figure.averageFirstResponse': 'Average first response',
  'live-chat-reports.figure.averageResolution': 'Average resolution',
  'live-chat-reports.figure.messagesIn': 'Messages in',
  'live-chat-reports.figure.messagesOut': 'Messages out',
  'live-chat-reports.figure.neverAnswered': 'Never answered',
  'live-chat-reports.formula.requests':
    'Sessions customers started in the period: a customer writing with no open session, or writing again after a close. Sessions started by operators are not requests. The chart splits them by day.',
  'live-chat-reports.formula.closed':
    'Sessions of this live chat closed in the period, whoever started them.',
  'live-chat-reports.formula.averageWaitInQueue':
    'For the requests of the period that an operator got: the average time from the moment the request arrived to the moment an operator took it, replied to it or was assigned it.',
  'live-chat-reports.formula.averageFirstResponse':
    'For the requests of the period that got an operator reply: the average time from the moment the request arrived to the first operator reply.',
  'live-chat-reports.formula.averageResolution':
    'For the sessions closed in the period: the average time from the start of the session to its close.',
  'live-chat-reports.formula.messagesIn':
    'Messages customers wrote in this live chat in the period.',
  'live-chat-reports.formula.messagesOut':
    'Messages operators wrote in this live chat in the period.',
  'live-chat-reports.formula.neverAnswered':
    'Requests of the period that have no operator reply yet.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    reports: typeof en;
  }
}
