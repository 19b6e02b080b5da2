import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'alert-settings.heading': 'Alerts for new messages',
  'alert-settings.sound': 'Sound',
  'alert-settings.sound.description': 'Play a short sound when a customer writes.',
  'alert-settings.desktop': 'Desktop notifications',
  'alert-settings.desktop.description':
    'Show a notification while the workspace is in the background.',
  'alert-settings.desktop.ask':
    'Show a notification while the workspace is in the background. The browser will ask for your permission.',
  'alert-settings.desktop.denied':
    'Blocked by the browser. Allow notifications for this site in the browser’s settings, then switch them on here.',
  'alert-settings.desktop.unsupported': 'This browser does not support desktop notifications.',
  'alert-settings.title-badge': 'Count in the page title',
  'alert-settings.title-badge.description':
    'Show the number of new messages in the tab title, e.g. “(3) Live chats”.',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
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

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    'alert-settings': typeof en;
  }
}
