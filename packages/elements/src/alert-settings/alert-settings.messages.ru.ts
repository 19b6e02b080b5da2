import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-alert-settings>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['alert-settings']> = {
  'alert-settings.heading': 'Оповещения о новых сообщениях',
  'alert-settings.sound': 'Звук',
  'alert-settings.sound.description': 'Короткий звуковой сигнал, когда пишет клиент.',
  'alert-settings.desktop': 'Уведомления на рабочем столе',
  'alert-settings.desktop.description': 'Показывать уведомление, когда рабочее место в фоне.',
  'alert-settings.desktop.ask':
    'Показывать уведомление, когда рабочее место в фоне. Браузер запросит ваше разрешение.',
  'alert-settings.desktop.denied':
    'Заблокировано браузером. Разрешите уведомления для этого сайта в настройках браузера и включите их здесь.',
  'alert-settings.desktop.unsupported':
    'Этот браузер не поддерживает уведомления на рабочем столе.',
  'alert-settings.title-badge': 'Счётчик в заголовке страницы',
  'alert-settings.title-badge.description':
    'Показывать число новых сообщений в заголовке вкладки, например «(3) Чаты».',
};
