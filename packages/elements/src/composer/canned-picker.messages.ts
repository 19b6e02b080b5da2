import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the `/` canned replies list's keys. */
const en = {
  'canned-picker.list': 'Canned replies',
  'canned-picker.count': {
    one: '{count} canned reply: Up and Down choose, Enter inserts, Escape closes.',
    other: '{count} canned replies: Up and Down choose, Enter inserts, Escape closes.',
  },
  'canned-picker.none': 'No canned reply matches “/{query}”.',
  'canned-picker.personal': 'Personal',
  'canned-picker.live-chat': 'Live chat',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    cannedPicker: typeof en;
  }
}
