import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of the keyboard shortcuts and their help, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['shortcuts']> = {
  'shortcuts.title': 'Клавиатурные сокращения',
  'shortcuts.close': 'Закрыть',
  'shortcuts.caption': 'Сокращения рабочего места',
  'shortcuts.action': 'Действие',
  'shortcuts.keys': 'Клавиши',
  'shortcuts.off': 'Выключено',
  'shortcuts.enabled': 'Использовать клавиатурные сокращения',
  'shortcuts.enabled-hint':
    'Сочетания с Alt+Shift работают везде, в том числе в поле ввода; одиночные клавиши, например ?, — только вне полей ввода.',
  'shortcuts.host-off': 'Приложение выключило клавиатурные сокращения.',
  'shortcuts.field-note': 'Клавиши полей: работают, пока поле на странице',
  'shortcuts.action.take-next': 'Взять следующую ожидающую сессию (как синий счётчик)',
  'shortcuts.action.close': 'Закрыть открытую сессию',
  'shortcuts.action.reassign': 'Переназначить открытую сессию',
  'shortcuts.action.queue': 'Перейти к очереди',
  'shortcuts.action.mine': 'Перейти к моим сессиям',
  'shortcuts.action.search': 'Поиск',
  'shortcuts.action.help': 'Показать эту справку',
  'shortcuts.action.skip-counter': 'Перейти к счётчику новых сессий',
  'shortcuts.action.skip-reply': 'Перейти к полю ответа',
  'shortcuts.action.skip-list': 'Перейти к списку сессий',
  'shortcuts.action.skip-conversation': 'Перейти к переписке',
  'shortcuts.field.search': 'Поиск из любого места вне поля ввода',
  'shortcuts.field.send': 'Отправить ответ (в поле ответа)',
  'shortcuts.field.newline': 'Новая строка в ответе',
  'shortcuts.field.escape': 'Закрыть диалог, всплывающее окно или список',
};
