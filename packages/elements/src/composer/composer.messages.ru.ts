import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-composer>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['composer']> = {
  'conversation.outboxUnavailable':
    'Неотправленные сообщения нельзя сохранить в этом браузере: при перезагрузке страницы они пропадут.',
  'conversation.composer.label': 'Сообщение',
  'conversation.composer.placeholder':
    'Напишите ответ… (Enter — отправить, Shift+Enter — новая строка)',
  'conversation.composer.send': 'Отправить',
  'conversation.composer.count': '{count} / {limit}',
  'conversation.composer.tooLong': {
    one: 'Превышение на {count} символ',
    few: 'Превышение на {count} символа',
    many: 'Превышение на {count} символов',
    other: 'Превышение на {count} символа',
  },
  'conversation.composer.takesSession': 'Ответив, вы возьмёте эту сессию.',
  'conversation.composer.offline':
    'Нет соединения. Сообщения, отправленные сейчас, не дойдут; повторите их, когда связь восстановится.',
  'conversation.composer.readOnly':
    'Вы можете читать эту сессию, но не отвечать: она назначена другому сотруднику.',
  'conversation.composer.mode': 'Написать',
  'conversation.composer.modeReply': 'Ответ',
  'conversation.composer.modeNote': 'Заметка',
  'conversation.composer.noteLabel': 'Личная заметка',
  'conversation.composer.notePlaceholder':
    'Заметка для коллег… (@ — упомянуть коллегу, Enter — отправить)',
  'conversation.composer.noteHint': 'Заметка — её видят только ваши коллеги.',
  'conversation.composer.sendNote': 'Добавить заметку',
  'conversation.composer.mentionList': 'Коллеги для упоминания',
  'conversation.composer.mentionCount': {
    one: '{count} коллега: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    few: '{count} коллеги: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    many: '{count} коллег: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    other: '{count} коллеги: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
  },
  'conversation.composer.mentionNone': 'В этом чате нет коллеги с именем «{query}».',
  'conversation.composer.mentionsFull': 'В заметке можно упомянуть не больше {max} коллег.',
  'conversation.composer.attach': 'Прикрепить файлы',
  'conversation.composer.attach.limits': {
    one: 'Не больше {count} файла до {size}',
    few: 'Не больше {count} файлов до {size} каждый',
    many: 'Не больше {count} файлов до {size} каждый',
    other: 'Не больше {count} файла до {size} каждый',
  },
  'conversation.composer.attach.drop': 'Отпустите файлы, чтобы прикрепить их',
  'conversation.composer.closed':
    'Сессия закрыта. История сохранена; если клиент напишет снова, сессия вернётся в очередь.',
};
