import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'alert-settings.heading': 'Alerts for new messages',
  'alert-settings.sound': 'Sound',
  'alert-settings.sound.description': 'Play a short sound when a customer writes.',
  'alert-settings.desktop': 'Desktop notifications',
  'alert-settings.desktop.description':
    'Show a notification while the workspace is in the background.',
  'alert-settings.desktop.ask':
    'Show a notification while the workspace is in the background. The browser will ask for your permission.',
  'alert-settings.desktop.denied':
    'Blocked by the browser. Allow notifications for this site in the browser’s settings, then switch them on here.',
  'alert-settings.desktop.unsupported': 'This browser does not support desktop notifications.',
  'alert-settings.title-badge': 'Count in the page title',
  'alert-settings.title-badge.description':
    'Show the number of new messages in the tab title, e.g. “(3) Live chats”.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'alert-settings': typeof en;
  }
}
