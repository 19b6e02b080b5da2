import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'alert-toast.label': 'Alerts',
  'alert-toast.open': 'Open',
  'alert-toast.dismiss': 'Dismiss',
  'alert-toast.dismiss-named': 'Dismiss: {title}',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'alert-toast': typeof en;
  }
}
