import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-attachment>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['attachment']> = {
  'attachment.download': 'Скачать',
  'attachment.loading': 'Загружается превью…',
  'attachment.failed': 'Превью нет: {reason}',
  'attachment.offline': 'Без соединения превью нет.',
  'attachment.retry': 'Повторить',
  'attachment.notImage': 'Превью нет: файл не то изображение, за которое себя выдаёт.',
  'attachment.saving': 'Скачивается…',
  'attachment.saveFailed': 'Не удалось скачать: {reason}',
  'attachment.enlarge': 'Показать крупнее',
  'attachment.shrink': 'Показать мельче',
};
