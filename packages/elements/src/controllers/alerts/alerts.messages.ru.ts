import type { MessageCatalogues, Translation } from '../../i18n/catalogue.js';

/** Russian texts of the alerts (desktop notifications, title badge), registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['alerts']> = {
  'alerts.title-badge': '({count}) {title}',
  'alerts.notification-title': 'Новое сообщение: {customer}',
  'alerts.summary-title': {
    one: '{count} новое обращение в «{liveChat}»',
    few: '{count} новых обращения в «{liveChat}»',
    many: '{count} новых обращений в «{liveChat}»',
    other: '{count} нового обращения в «{liveChat}»',
  },
  'alerts.summary-body': 'Последнее от {customer}: {preview}',
  'alerts.mention-title': '{author} упомянул(а) вас',
  'alerts.someone': 'Коллега',
  'alerts.withheld-title': 'Новое сообщение в «{liveChat}»',
};
