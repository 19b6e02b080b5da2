import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-activity>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['activity']> = {
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
  'activity.note': 'Заметка: «{note}»',
  'activity.open': 'Активность',
  'activity.unseen': {
    one: '{count} новая',
    few: '{count} новые',
    many: '{count} новых',
    other: '{count} новой',
  },
  'activity.open-unseen': {
    one: 'Активность, {count} новая запись',
    few: 'Активность, {count} новые записи',
    many: 'Активность, {count} новых записей',
    other: 'Активность, {count} новой записи',
  },
  'activity.arrived': {
    one: '{count} новая запись в активности',
    few: '{count} новые записи в активности',
    many: '{count} новых записей в активности',
    other: '{count} новой записи в активности',
  },
};
