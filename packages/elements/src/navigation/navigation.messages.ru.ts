import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-navigation>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['navigation']> = {
  'navigation.label': 'Меню чатов',
  'navigation.reports': 'Отчёты',
  'navigation.monitor': 'Монитор',
  'navigation.error': 'Не удалось загрузить лайв-чаты. {reason}',
  'navigation.group.active': 'Активные',
  'navigation.group.closed': 'Закрытые',
  'navigation.group.queue': 'Очередь',
  'navigation.group.mine': 'Мои сессии',
  'navigation.group-size': {
    one: '{number} сессия',
    few: '{number} сессии',
    many: '{number} сессий',
    other: '{number} сессии',
  },
  'navigation.group-entry': '{group}, {size}',
  'navigation.new-session': '+ Новая сессия',
  'navigation.new-session-in': 'Новая сессия в чате «{liveChat}»',
  'navigation.empty':
    'У вас пока нет лайв-чатов. Попросите администратора добавить вас оператором или супервизором лайв-чата.',
  'navigation.loading': 'Загрузка лайв-чатов…',
  'navigation.no-client':
    'Нет подключения: задайте свойство client (или поместите меню внутрь <live-chat-workspace>).',
};
