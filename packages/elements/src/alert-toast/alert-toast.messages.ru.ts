import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-alert-toast>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['alert-toast']> = {
  'alert-toast.label': 'Оповещения',
  'alert-toast.open': 'Открыть',
  'alert-toast.dismiss': 'Скрыть',
  'alert-toast.dismiss-named': 'Скрыть: {title}',
};
