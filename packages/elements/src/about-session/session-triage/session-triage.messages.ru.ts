import type { MessageCatalogues, Translation } from '../../i18n/catalogue.js';

/** Russian texts of `<live-chat-session-triage>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['session-triage']> = {
  'session-triage.tags': 'Метки',
  'session-triage.noTags': 'Меток нет',
  'session-triage.noTagsOffered': 'В этом лайв-чате нет меток.',
  'session-triage.editTags': 'Изменить метки',
  'session-triage.doneTags': 'Готово',
  'session-triage.chooseTags': 'Метки этой сессии',
  'session-triage.tagsHint': 'Не больше {limit} меток. Каждое изменение сохраняется сразу.',
  'session-triage.tagsFull': 'У сессии {limit} меток — больше нельзя.',
  'session-triage.tagsLimit': 'У сессии может быть не больше {limit} меток.',
  'session-triage.tagsFailed': 'Не удалось изменить метки. {reason}',
  'session-triage.urgent': 'Срочно',
  'session-triage.urgentOn': 'Срочная: идёт первой в очереди.',
  'session-triage.urgentOff': 'Не срочная: ждёт в очереди по порядку.',
  'session-triage.markUrgent': 'Отметить срочной',
  'session-triage.unmarkUrgent': 'Не срочная',
  'session-triage.urgentFailed': 'Не удалось изменить отметку срочности. {reason}',
};
