import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of the composer's `/` canned replies list, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['cannedPicker']> = {
  'canned-picker.list': 'Шаблоны ответов',
  'canned-picker.count': {
    one: '{count} шаблон: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    few: '{count} шаблона: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    many: '{count} шаблонов: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
    other: '{count} шаблона: стрелки вверх и вниз — выбор, Enter — вставить, Escape — закрыть.',
  },
  'canned-picker.none': 'Нет шаблона, подходящего к «/{query}».',
  'canned-picker.personal': 'Личный',
  'canned-picker.live-chat': 'Чат',
};
