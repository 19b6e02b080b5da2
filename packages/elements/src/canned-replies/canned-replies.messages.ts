import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'canned-replies.title': 'Canned replies',
  'canned-replies.close': 'Close',
  'canned-replies.intro': 'Type / and a shortcut in a reply to insert one.',
  'canned-replies.search': 'Search canned replies',
  'canned-replies.new': 'New reply',
  'canned-replies.loading': 'Loading canned replies…',
  'canned-replies.load-error': 'Canned replies could not be loaded. {reason}',
  'canned-replies.no-client': 'No client: give the element a client to show canned replies.',
  'canned-replies.offline':
    'You are offline: you can read your canned replies, but changes cannot be saved until you are back online.',
  'canned-replies.empty':
    'No canned replies yet. Create one with “New reply”, then type / in a reply to insert it.',
  'canned-replies.no-match': 'No canned reply matches “{query}”.',
  'canned-replies.group.personal': 'Personal — only you',
  'canned-replies.group.live-chat': '{liveChat} — everyone in this live chat',
  'canned-replies.group.empty': 'None yet.',
  'canned-replies.read-only': 'Read only: the supervisors of this live chat keep its replies.',
  'canned-replies.edit': 'Edit',
  'canned-replies.edit-label': 'Edit /{shortcut}',
  'canned-replies.delete': 'Delete',
  'canned-replies.delete-label': 'Delete /{shortcut}',
  'canned-replies.delete-confirm': 'Delete /{shortcut}? This cannot be undone.',
  'canned-replies.delete-yes': 'Delete',
  'canned-replies.delete-no': 'Keep it',
  'canned-replies.saved': 'Saved /{shortcut}.',
  'canned-replies.deleted': 'Deleted /{shortcut}.',
  'canned-replies.form.new': 'New canned reply',
  'canned-replies.form.edit': 'Edit /{shortcut}',
  'canned-replies.form.scope': 'Kept for',
  'canned-replies.form.scope-personal': 'Only me (personal)',
  'canned-replies.form.scope-live-chat': 'Everyone in {liveChat}',
  'canned-replies.form.shortcut': 'Shortcut',
  'canned-replies.form.shortcut-hint':
    'Letters, digits, _, - and ., no spaces, at most {limit}. Type / and the shortcut in a reply.',
  'canned-replies.form.shortcut-empty': 'Give the reply a shortcut.',
  'canned-replies.form.shortcut-invalid':
    'A shortcut has only letters, digits, _, - and . (no spaces or other signs).',
  'canned-replies.form.shortcut-long': 'The shortcut is too long: at most {limit} characters.',
  'canned-replies.form.shortcut-taken':
    '/{shortcut} is already used here. Choose another shortcut.',
  'canned-replies.form.text': 'Text',
  'canned-replies.form.variables': 'Insert a variable',
  'canned-replies.form.variables-hint':
    'Variables are filled in when the reply is inserted in a session; one without a value stays as written.',
  'canned-replies.variable.customer.name': 'Customer’s name',
  'canned-replies.variable.operator.name': 'Your name',
  'canned-replies.variable.session.name': 'Session name',
  'canned-replies.form.save': 'Save',
  'canned-replies.form.saving': 'Saving…',
  'canned-replies.form.cancel': 'Cancel',
  'canned-replies.error.FORBIDDEN':
    'Only the supervisors of a live chat can change its canned replies.',
  'canned-replies.error': 'Not saved. {reason}',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    cannedReplies: typeof en;
  }
}
