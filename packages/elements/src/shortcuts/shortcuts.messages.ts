import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.caption': 'Shortcuts of the workspace',
  'shortcuts.action': 'Action',
  'shortcuts.keys': 'Keys',
  'shortcuts.off': 'Off',
  'shortcuts.enabled': 'Use keyboard shortcuts',
  'shortcuts.enabled-hint':
    'Alt+Shift keys work anywhere, a text field included; single keys such as ? only outside text fields.',
  'shortcuts.host-off': 'This application has turned the keyboard shortcuts off.',
  'shortcuts.field-note': 'Keys of a field, working while it is on the page',
  'shortcuts.action.take-next': 'Take the next waiting session (as the blue counter)',
  'shortcuts.action.close': 'Close the open session',
  'shortcuts.action.reassign': 'Reassign the open session',
  'shortcuts.action.queue': 'Go to the Queue',
  'shortcuts.action.mine': 'Go to My sessions',
  'shortcuts.action.search': 'Search',
  'shortcuts.action.help': 'Show this help',
  'shortcuts.action.skip-counter': 'Go to the new sessions counter',
  'shortcuts.action.skip-reply': 'Go to the reply field',
  'shortcuts.action.skip-list': 'Go to the session list',
  'shortcuts.action.skip-conversation': 'Go to the conversation',
  'shortcuts.field.search': 'Search from anywhere outside a text field',
  'shortcuts.field.send': 'Send the reply (in the reply field)',
  'shortcuts.field.newline': 'New line in the reply',
  'shortcuts.field.escape': 'Close a dialog, popover or list',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    shortcuts: typeof en;
  }
}
