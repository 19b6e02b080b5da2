import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-availability>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['availability']> = {
  'availability.label': 'Ваш статус',
  'availability.online': 'В сети',
  'availability.away': 'Отошёл',
  'availability.offline': 'Не в сети',
  'availability.away-auto': 'Отошёл (бездействие)',
  'availability.since': '{status} с {time}',
  'availability.auto-hint':
    'Установлен автоматически, пока вы бездействовали; любое действие вернёт вас в сеть.',
  'availability.error': 'Не удалось изменить статус. {reason}',
};
