import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'navigation.label': 'Live chats menu',
  'navigation.reports': 'Reports',
  'navigation.error': 'Live chats could not be loaded. {reason}',
  'navigation.group.active': 'Active',
  'navigation.group.closed': 'Closed',
  'navigation.group.queue': 'Queue',
  'navigation.group.mine': 'My sessions',
  'navigation.group-size': { one: '{count} session', other: '{count} sessions' },
  'navigation.new-session': '+ New Session',
  'navigation.new-session-in': 'New session in {liveChat}',
  'navigation.live-chats': 'Live chats',
  'navigation.empty':
    'You have no live chats yet. Ask an administrator to add you as an operator or supervisor of a live chat.',
  'navigation.loading': 'Loading live chats…',
  'navigation.no-client':
    'Not connected: set the client property (or place this menu inside <live-chat-workspace>).',
  'navigation.sessions-of': '{group} — {liveChat}',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'navigation.label': 'Меню чатов',
  'navigation.reports': 'Отчёты',
  'navigation.error': 'Не удалось загрузить лайв-чаты. {reason}',
  'navigation.group.active': 'Активные',
  'navigation.group.closed': 'Закрытые',
  'navigation.group.queue': 'Очередь',
  'navigation.group.mine': 'Мои сессии',
  'navigation.group-size': {
    one: '{count} сессия',
    few: '{count} сессии',
    many: '{count} сессий',
    other: '{count} сессии',
  },
  'navigation.new-session': '+ Новая сессия',
  'navigation.new-session-in': 'Новая сессия в чате «{liveChat}»',
  'navigation.live-chats': 'Лайв-чаты',
  'navigation.empty':
    'У вас пока нет лайв-чатов. Попросите администратора добавить вас оператором или супервизором лайв-чата.',
  'navigation.loading': 'Загрузка лайв-чатов…',
  'navigation.no-client':
    'Нет подключения: задайте свойство client (или поместите меню внутрь <live-chat-workspace>).',
  'navigation.sessions-of': '{group} — {liveChat}',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    navigation: typeof en;
  }
}
