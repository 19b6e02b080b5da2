import { registerDefaultMessages, type Messages } from '../../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'New message from {customer}',
  'alerts.summary-title': {
    one: '{count} new request in {liveChat}',
    other: '{count} new requests in {liveChat}',
  },
  'alerts.summary-body': 'Latest from {customer}: {preview}',
  'alerts.mention-title': '{author} mentioned you',
  'alerts.someone': 'A colleague',
  'alerts.withheld-title': 'New message in {liveChat}',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    alerts: typeof en;
  }
}
