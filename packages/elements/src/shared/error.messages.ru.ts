import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of the error reasons, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['error']> = {
  'error.INVALID_TRANSITION': 'В текущем состоянии сессии это сделать нельзя.',
  'error.ALREADY_TAKEN': 'Эту сессию уже взял другой оператор.',
  'error.FORBIDDEN': 'У вас нет прав на это действие.',
  'error.FORBIDDEN.report': 'Отчёты доступны только по лайв-чатам, в которых вы состоите.',
  'error.NOT_FOUND': 'Не найдено: возможно, запись удалена.',
  'error.VALIDATION': 'Некорректные данные: {message}',
  'error.VALIDATION.limit': 'Слишком длинно: не более {limit} символов.',
  'error.VALIDATION.message.empty': 'Сначала напишите сообщение: оно не может быть пустым.',
  'error.VALIDATION.message.limit': 'Сообщение слишком длинное: не более {limit} символов.',
  'error.VALIDATION.session-name.empty': 'Название сессии не может быть пустым.',
  'error.VALIDATION.session-name.limit':
    'Название сессии слишком длинное: не более {limit} символов.',
  'error.CONFLICT': 'Конфликт с уже существующими данными: {message}',
  'error.CONFLICT.new-session': 'У этого клиента уже есть открытая сессия в этом лайв-чате.',
  'error.OFFLINE': 'Нет соединения.',
  'error.TIMEOUT': 'Сервер не подтвердил это вовремя.',
  'error.TIMEOUT.read': 'Сервер не ответил вовремя.',
  'error.RESYNC_REQUIRED': 'Рабочее место синхронизируется с сервером. Попробуйте чуть позже.',
  'error.INVALID_DATA':
    'Сервер прислал данные, которые нельзя использовать; они загружаются заново.',
  'error.INTERNAL': 'Что-то пошло не так: {message}',
};
