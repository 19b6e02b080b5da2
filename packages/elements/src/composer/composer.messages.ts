import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

// The composer keeps the `conversation.` key prefix it has always had, so texts a host
// registered for these keys still apply.
/** English, the source language: its keys are the component's keys. */
const en = {
  'conversation.outboxUnavailable':
    'Unsent messages cannot be saved in this browser: they will be lost if you reload the page.',
  'conversation.composer.label': 'Message',
  'conversation.composer.placeholder': 'Write a reply… (Enter sends, Shift+Enter adds a line)',
  'conversation.composer.send': 'Send',
  'conversation.composer.count': '{count} / {limit}',
  'conversation.composer.tooLong': {
    one: '{count} character over the limit',
    other: '{count} characters over the limit',
  },
  'conversation.composer.takesSession': 'Replying takes this session.',
  'conversation.composer.offline':
    'You are offline. Messages you send now will fail; retry them when you are back online.',
  'conversation.composer.readOnly':
    'You can read this session but not reply: it is assigned to someone else.',
  'conversation.composer.mode': 'Write',
  'conversation.composer.modeReply': 'Reply',
  'conversation.composer.modeNote': 'Note',
  'conversation.composer.noteLabel': 'Private note',
  'conversation.composer.notePlaceholder':
    'Write a note for your colleagues… (@ mentions someone, Enter sends)',
  'conversation.composer.noteHint': 'Note — only your colleagues see this.',
  'conversation.composer.sendNote': 'Add note',
  'conversation.composer.mentionList': 'Colleagues to mention',
  'conversation.composer.mentionCount': {
    one: '{count} colleague: Up and Down choose, Enter inserts, Escape closes.',
    other: '{count} colleagues: Up and Down choose, Enter inserts, Escape closes.',
  },
  'conversation.composer.mentionNone': 'No colleague of this live chat is called “{query}”.',
  'conversation.composer.mentionsFull': 'A note can mention at most {max} colleagues.',
  'conversation.composer.attach': 'Attach files',
  'conversation.composer.attach.limits': {
    one: 'One file, up to {size}',
    other: 'Up to {count} files, {size} each',
  },
  'conversation.composer.attach.drop': 'Drop files to attach them',
  'conversation.composer.closed':
    'This session is closed. Its history is kept; if the customer writes again, it returns to the queue.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    composer: typeof en;
  }
}
