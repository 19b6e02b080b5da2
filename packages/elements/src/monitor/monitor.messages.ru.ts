import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-monitor>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['monitor']> = {
  'monitor.title': 'Монитор',
  'monitor.summary-caption': 'Ваши лайв-чаты сейчас',
  'monitor.operators-caption': 'Операторы лайв-чата {liveChat}',
  'monitor.live-chat': 'Лайв-чат',
  'monitor.waiting': 'Ждут сейчас',
  'monitor.longest-wait': 'Дольше всех ждёт',
  'monitor.active': 'Активные сессии',
  'monitor.operators': 'Операторы',
  'monitor.operator': 'Оператор',
  'monitor.status': 'Статус',
  'monitor.load': 'Активные сессии',
  'monitor.by-status': 'в сети: {online}, отошли: {away}, не в сети: {offline}',
  'monitor.status.online': 'В сети',
  'monitor.status.away': 'Отошёл',
  'monitor.status.offline': 'Не в сети',
  'monitor.status.away-auto': 'Отошёл (бездействие)',
  'monitor.status.offline-auto': 'Не в сети (отключился)',
  'monitor.nobody-waits': 'Никто не ждёт',
  'monitor.no-operators': 'У этого лайв-чата нет операторов.',
  'monitor.read': 'Зачитать показатели',
  'monitor.read-hint': 'Показатели обновляются сами; эта кнопка один раз зачитывает их.',
  'monitor.spoken':
    '{liveChat}: ждут {waiting}, дольше всех {wait}, активных {active}, операторы: {operators}.',
  'monitor.loading': 'Загрузка монитора…',
  'monitor.error': 'Не удалось загрузить монитор. {reason}',
  'monitor.denied': 'Монитор доступен только супервайзерам.',
  'monitor.denied-hint':
    'Вы не супервайзер ни одного лайв-чата. Попросите администратора назначить вас супервайзером.',
  'monitor.no-client':
    'Нет подключения: задайте свойство client (или поместите монитор внутрь <live-chat-workspace>).',
};
