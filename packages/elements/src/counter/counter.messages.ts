import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'counter.unread.label': { one: '{count} unread message', other: '{count} unread messages' },
  'counter.unread.zero': 'No unread messages',
  'counter.unread.hint': 'Unread customer messages in the sessions assigned to you',
  'counter.unassigned.label': { one: '{count} new session', other: '{count} new sessions' },
  'counter.unassigned.zero': 'No new sessions',
  'counter.unassigned.hint': 'Opens the oldest session waiting in your queues',
  'counter.unassigned.zero-hint': 'No session is waiting in your queues',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'counter.unread.label': {
    one: '{count} непрочитанное сообщение',
    few: '{count} непрочитанных сообщения',
    many: '{count} непрочитанных сообщений',
    other: '{count} непрочитанного сообщения',
  },
  'counter.unread.zero': 'Нет непрочитанных сообщений',
  'counter.unread.hint': 'Непрочитанные сообщения клиентов в назначенных вам сессиях',
  'counter.unassigned.label': {
    one: '{count} новая сессия',
    few: '{count} новые сессии',
    many: '{count} новых сессий',
    other: '{count} новой сессии',
  },
  'counter.unassigned.zero': 'Нет новых сессий',
  'counter.unassigned.hint': 'Открывает самую давнюю сессию из ваших очередей',
  'counter.unassigned.zero-hint': 'В ваших очередях нет ожидающих сессий',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    counter: typeof en;
  }
}
