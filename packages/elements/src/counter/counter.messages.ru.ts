import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-counter>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['counter']> = {
  'counter.unread.label': {
    one: '{count} непрочитанное сообщение в моих сессиях',
    few: '{count} непрочитанных сообщения в моих сессиях',
    many: '{count} непрочитанных сообщений в моих сессиях',
    other: '{count} непрочитанного сообщения в моих сессиях',
  },
  'counter.unread.zero': 'Нет непрочитанных сообщений в моих сессиях',
  'counter.unread.hint': 'Непрочитанные сообщения клиентов в назначенных вам сессиях',
  'counter.unassigned.label': {
    one: '{count} новая сессия в моих очередях',
    few: '{count} новые сессии в моих очередях',
    many: '{count} новых сессий в моих очередях',
    other: '{count} новой сессии в моих очередях',
  },
  'counter.unassigned.zero': 'Нет новых сессий в моих очередях',
  'counter.unassigned.hint': 'Открывает самую давнюю сессию из ваших очередей',
  'counter.unassigned.zero-hint': 'В ваших очередях нет ожидающих сессий',
};
