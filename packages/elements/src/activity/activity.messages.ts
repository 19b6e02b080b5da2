import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'activity.heading': 'Activity',
  'activity.list': 'Activity stream',
  'activity.empty': 'No activity yet. Closed and reassigned sessions will appear here.',
  'activity.loading': 'Loading activity…',
  'activity.error': 'Activity could not be loaded. {reason}',
  'activity.someone': 'Someone',
  'activity.unknown-group': 'a group',
  'activity.closed': '{actor} closed session “{session}”',
  'activity.closed.by-you': 'You closed session “{session}”',
  'activity.reassigned.to-you': '{actor} reassigned session “{session}” to you',
  'activity.reassigned.to-group': '{actor} reassigned session “{session}” to {target}',
  'activity.reassigned.to-operator': '{actor} reassigned session “{session}” to {target}',
  'activity.reassigned.by-you': 'You reassigned session “{session}” to {target}',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
  'activity.heading': 'Активность',
  'activity.list': 'Лента активности',
  'activity.empty': 'Пока ничего не произошло. Здесь появятся закрытые и переназначенные сессии.',
  'activity.loading': 'Загрузка активности…',
  'activity.error': 'Не удалось загрузить активность. {reason}',
  'activity.someone': 'Кто-то',
  'activity.unknown-group': 'группу',
  'activity.closed': '{actor} закрыл(а) сессию «{session}»',
  'activity.closed.by-you': 'Вы закрыли сессию «{session}»',
  'activity.reassigned.to-you': '{actor} переназначил(а) на вас сессию «{session}»',
  'activity.reassigned.to-group': '{actor} переназначил(а) сессию «{session}» на группу «{target}»',
  'activity.reassigned.to-operator':
    '{actor} переназначил(а) сессию «{session}» на оператора {target}',
  'activity.reassigned.by-you': 'Вы переназначили сессию «{session}» на {target}',
};

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    activity: typeof en;
  }
}
