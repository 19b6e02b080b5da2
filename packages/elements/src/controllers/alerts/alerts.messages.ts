import { registerDefaultMessages } from '../../i18n/catalogue.js';

registerDefaultMessages('en', {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'New message from {customer}',
});

registerDefaultMessages('ru', {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'Новое сообщение: {customer}',
});
