import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-connection-status>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['connection-status']> = {
  'connection-status.connecting': 'Подключение…',
  'connection-status.reconnecting': 'Соединение потеряно. Переподключение…',
  'connection-status.offline':
    'Нет подключения к сети. Рабочее место обновится, когда связь восстановится.',
  'connection-status.failed': 'Не удалось подключиться к серверу чатов.',
  'connection-status.load-error': 'Не удалось загрузить рабочее место. {reason}',
  'connection-status.load-error-hint':
    'Попытки повторяются автоматически, и сразу, когда связь восстановится.',
  'connection-status.unconfirmed': 'Ещё не подтверждено: {count}. Повторяем попытку…',
  'connection-status.retry': 'Повторить сейчас',
};
