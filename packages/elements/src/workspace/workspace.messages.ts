import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'workspace.title': 'Live Chats',
  'workspace.skip-to-main': 'Skip to the conversation',
  'workspace.search': 'Search live chats',
  'workspace.settings': 'Alert settings',
  'workspace.sessions': 'Sessions',
  'workspace.menu': 'Menu',
  'workspace.back': 'Back',
  'workspace.back-to-menu': 'Back to the menu',
  'workspace.back-to-list': 'Back to the sessions',
  'workspace.back-to-conversation': 'Back to the conversation',
  'workspace.main': 'Conversation',
  'workspace.main-reports': 'Reports',
  'workspace.side': 'Session details and activity',
  'workspace.tab.about': 'About the session',
  'workspace.tab.activity': 'Activity',
  'workspace.show-about': 'About the session',
  'workspace.hide-about': 'Hide the session details',
  'workspace.no-session': 'No session is open',
  'workspace.no-session-hint':
    'Choose a session from the list on the left, or click the blue counter to take the oldest waiting one.',
  'workspace.no-session-about': 'Open a session to see its details here.',
  'workspace.loading': 'Loading your live chats…',
  'workspace.no-client.title': 'No client connected',
  'workspace.no-client.body':
    'The workspace needs a client to show anything. Create one with createLiveChatClient({ adapter }) from @live-chat/core and set it as the client property:',
  'workspace.session-opened': 'Opened session {name}',
  'workspace.session-closed': 'Session {name} was closed',
  'workspace.reports-opened': 'Reports',
  'workspace.list-of': '{group} — {liveChat}',
  'workspace.group.active': 'Active',
  'workspace.group.closed': 'Closed',
  'workspace.group.queue': 'Queue',
  'workspace.group.mine': 'My sessions',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'workspace.title': 'Лайв-чаты',
  'workspace.skip-to-main': 'Перейти к переписке',
  'workspace.search': 'Поиск по лайв-чатам',
  'workspace.settings': 'Настройки оповещений',
  'workspace.sessions': 'Сессии',
  'workspace.menu': 'Меню',
  'workspace.back': 'Назад',
  'workspace.back-to-menu': 'Назад к меню',
  'workspace.back-to-list': 'Назад к списку сессий',
  'workspace.back-to-conversation': 'Назад к переписке',
  'workspace.main': 'Переписка',
  'workspace.main-reports': 'Отчёты',
  'workspace.side': 'Сведения о сессии и лента событий',
  'workspace.tab.about': 'О сессии',
  'workspace.tab.activity': 'Лента событий',
  'workspace.show-about': 'О сессии',
  'workspace.hide-about': 'Скрыть сведения о сессии',
  'workspace.no-session': 'Сессия не открыта',
  'workspace.no-session-hint':
    'Выберите сессию в списке слева или нажмите на синий счётчик, чтобы взять самую давнюю из ожидающих.',
  'workspace.no-session-about': 'Откройте сессию, чтобы увидеть здесь сведения о ней.',
  'workspace.loading': 'Загрузка лайв-чатов…',
  'workspace.no-client.title': 'Клиент не подключён',
  'workspace.no-client.body':
    'Рабочему месту нужен клиент. Создайте его функцией createLiveChatClient({ adapter }) из @live-chat/core и задайте свойство client:',
  'workspace.session-opened': 'Открыта сессия {name}',
  'workspace.session-closed': 'Сессия {name} закрыта',
  'workspace.reports-opened': 'Отчёты',
  'workspace.list-of': '{group} — {liveChat}',
  'workspace.group.active': 'Активные',
  'workspace.group.closed': 'Закрытые',
  'workspace.group.queue': 'Очередь',
  'workspace.group.mine': 'Мои сессии',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    workspace: typeof en;
  }
}
