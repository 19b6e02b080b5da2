import { registerDefaultMessages, type Messages, type Translation } from '../../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'New message from {customer}',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'Новое сообщение: {customer}',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    alerts: typeof en;
  }
}
