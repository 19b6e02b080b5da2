import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'conversation.empty.title': 'No session selected',
  'conversation.empty.hint':
    'Choose a session from a list, or click the blue counter to take the oldest new one.',
  'conversation.loading': 'Loading the conversation…',
  'conversation.loadingOlder': 'Loading older messages…',
  'conversation.error.title': 'The conversation could not be loaded.',
  'conversation.retry': 'Retry',
  'conversation.unavailable.title': 'This session is not available',
  'conversation.unavailable.text':
    'It does not exist, or you do not have access to it (another operator may have taken it).',
  'conversation.status.queued': 'In queue',
  'conversation.status.active': 'Active',
  'conversation.status.closed': 'Closed',
  'conversation.statusLabel': 'Status: {status}',
  'conversation.customerLabel': 'Customer: {name}',
  'conversation.unknownCustomer': 'Customer',
  'conversation.unknownOperator': 'Operator',
  'conversation.system': 'System',
  'conversation.you': '{name} (you)',
  'conversation.actions': 'Session actions',
  'conversation.take': 'Take',
  'conversation.returnToQueue': 'Return to queue',
  'conversation.close': 'Close session',
  'conversation.closeDialog.title': 'Close this session?',
  'conversation.closeDialog.text':
    'The conversation ends and the session moves to Closed. Its history is kept, and it returns to the queue if the customer writes again.',
  'conversation.closeDialog.cancel': 'Cancel',
  'conversation.closeDialog.confirm': 'Close session',
  'conversation.log': 'Messages',
  'conversation.bindMessage': 'Bind',
  'conversation.bindMessage.hint': 'Bind this message to a record',
  'conversation.bindMessage.keys':
    'Up and Down move between the messages; Enter binds the focused one to a record.',
  'conversation.loadOlder': 'Load older messages',
  'conversation.noMessages': 'No messages yet.',
  'conversation.beginning': 'This is the beginning of the conversation.',
  'conversation.newMessages': 'New messages ↓',
  'conversation.pending': 'Sending…',
  'conversation.unconfirmed': 'Not confirmed yet. Still trying…',
  'conversation.failed': 'Not sent: {error}',
  'conversation.retrySend': 'Retry',
  'conversation.discard': 'Discard',
  'conversation.channel.sent': 'Sent to the channel, not delivered yet.',
  'conversation.channel.delivered': 'Delivered to the customer.',
  'conversation.channel.failed': 'Not delivered to the customer: {reason}',
  'conversation.note.label': 'Note',
  'conversation.note.staffOnly': ' (only staff can see this)',
  'conversation.handover.from': 'From {name}:',
  'conversation.typing': '{name} is typing…',
  'conversation.typingUnknown': 'The customer is typing…',
  'conversation.gone.takenBy': '{name} took this session',
  'conversation.gone.taken': 'Another operator took this session',
  'conversation.gone.takenText': 'It is no longer in the queue: they are answering the customer.',
  'conversation.gone.reassigned': 'Reassigned to {name}.',
  'conversation.gone.reassignedText':
    'It is no longer among your sessions. Pick your next one from the list.',
  'conversation.gone.draftTitle': 'Your draft is kept',
  'conversation.gone.copyDraft': 'Copy draft',
  'conversation.gone.copied': 'Copied.',
  'conversation.gone.copyFailed': 'Could not copy: select the text and copy it.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    conversation: typeof en;
  }
}
