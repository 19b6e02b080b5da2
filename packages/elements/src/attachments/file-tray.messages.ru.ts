import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-file-tray>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['fileTray']> = {
  'fileTray.list': 'Файлы к отправке',
  'fileTray.uploading': 'Загружается…',
  'fileTray.ready': 'Готов',
  'fileTray.remove': 'Убрать {name}',
  'fileTray.typeNotAllowed': 'файлы типа {type} прикреплять нельзя',
  'fileTray.tooLarge': 'слишком большой (не больше {max})',
  'fileTray.empty': 'файл пустой',
  'fileTray.unreadable': 'файл не удалось прочитать',
  'fileTray.offline': 'не загружен: нет соединения',
  'fileTray.failed': 'не загружен: {reason}',
  'fileTray.fileError': '{name}: {reason}',
  'fileTray.fileReady': '{name} готов к отправке.',
  'fileTray.tooMany': 'Файлов в сообщении — не больше {count}: остальные не прикреплены.',
  'fileTray.wait': 'Дождитесь загрузки файлов, затем отправьте.',
};
