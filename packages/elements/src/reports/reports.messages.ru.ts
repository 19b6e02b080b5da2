import type { MessageCatalogues, Translation } from '../i18n/catalogue.js';

/** Russian texts of `<live-chat-reports>`, registered by `@live-chat/elements/locales/ru`. */
export const ru: Translation<MessageCatalogues['reports']> = {
  'live-chat-reports.tabs': 'Отчёт',
  'live-chat-reports.tab.operators-performance': 'Эффективность операторов',
  'live-chat-reports.tab.live-chat-performance': 'Эффективность лайв-чата',
  'live-chat-reports.filters': 'Параметры отчёта',
  'live-chat-reports.live-chat': 'Лайв-чат',
  'live-chat-reports.live-chat.unknown': 'Лайв-чат {id}',
  'live-chat-reports.from': 'С',
  'live-chat-reports.to': 'По',
  'live-chat-reports.range': '{from} – {to}',
  'live-chat-reports.range.missing': 'Укажите дату начала и дату окончания.',
  'live-chat-reports.range.invalid': 'Дата начала не может быть позже даты окончания.',
  'live-chat-reports.range.too-long': {
    one: 'Выберите период не длиннее {count} дня.',
    few: 'Выберите период не длиннее {count} дней.',
    many: 'Выберите период не длиннее {count} дней.',
    other: 'Выберите период не длиннее {count} дня.',
  },
  'live-chat-reports.loading': 'Загрузка отчёта…',
  'live-chat-reports.client-loading': 'Загрузка ваших лайв-чатов…',
  'live-chat-reports.no-client': 'Отчёты не подключены к клиенту лайв-чатов.',
  'live-chat-reports.no-live-chats': 'Вы не состоите ни в одном лайв-чате, поэтому отчётов нет.',
  'live-chat-reports.empty': 'За этот период нет данных.',
  'live-chat-reports.offline':
    'Нет подключения: отчёты загрузятся, когда соединение восстановится.',
  'live-chat-reports.error': 'Не удалось загрузить отчёт. {reason}',
  'live-chat-reports.retry': 'Повторить',
  'live-chat-reports.how': 'Как это считается?',
  'live-chat-reports.how-for': 'Как считается показатель «{figure}»?',
  'live-chat-reports.no-average': 'Прочерк (—) означает, что усреднять было нечего.',

  'live-chat-reports.operators.caption': 'Эффективность операторов в чате «{liveChat}», {range}',
  'live-chat-reports.operators.operator': 'Оператор',
  'live-chat-reports.operators.sessionsTaken': 'Взято сессий',
  'live-chat-reports.operators.sessionsClosed': 'Закрыто сессий',
  'live-chat-reports.operators.messagesSent': 'Отправлено сообщений',
  'live-chat-reports.operators.averageFirstResponse': 'Среднее время первого ответа',
  'live-chat-reports.operators.averageResolution': 'Среднее время решения',
  'live-chat-reports.operators.openNow': 'Открыто сейчас',
  'live-chat-reports.operators.formulas': 'Как считаются столбцы',
  'live-chat-reports.formula.operators.sessionsTaken':
    'Сколько раз за период оператор первым получил сессию этого лайв-чата: взял её из очереди, ответил в ней, получил её при переназначении или начал сам. Закрытая и вновь открытая сессия считается снова.',
  'live-chat-reports.formula.operators.sessionsClosed':
    'Сессии этого лайв-чата, которые оператор закрыл за период.',
  'live-chat-reports.formula.operators.messagesSent':
    'Сообщения, которые оператор написал в этом лайв-чате за период.',
  'live-chat-reports.formula.operators.averageFirstResponse':
    'По сессиям, в которых оператор дал первый ответ оператора за период: среднее время от начала сессии (первого сообщения клиента или исходящего старта) до этого ответа.',
  'live-chat-reports.formula.operators.averageResolution':
    'По сессиям, которые оператор закрыл за период: среднее время от начала сессии до её закрытия.',
  'live-chat-reports.formula.operators.openNow':
    'Активные сессии этого лайв-чата, назначенные оператору прямо сейчас, независимо от периода.',

  'live-chat-reports.live-chat.title': 'Эффективность лайв-чата «{liveChat}», {range}',
  'live-chat-reports.chart.title': 'Обращения по дням',
  'live-chat-reports.chart.summary': {
    one: 'Обращения по дням, {range}: всего {count} обращение; больше всего — {day}: {max}.',
    few: 'Обращения по дням, {range}: всего {count} обращения; больше всего — {day}: {max}.',
    many: 'Обращения по дням, {range}: всего {count} обращений; больше всего — {day}: {max}.',
    other: 'Обращения по дням, {range}: всего {count} обращения; больше всего — {day}: {max}.',
  },
  'live-chat-reports.chart.summary-empty': 'Обращения по дням, {range}: обращений нет.',
  'live-chat-reports.chart.bar': {
    one: '{day}: {count} обращение',
    few: '{day}: {count} обращения',
    many: '{day}: {count} обращений',
    other: '{day}: {count} обращения',
  },
  'live-chat-reports.chart.show-table': 'Показать данные таблицей',
  'live-chat-reports.chart.table-caption': 'Обращения по дням, {range}',
  'live-chat-reports.chart.day': 'День',
  'live-chat-reports.chart.requests': 'Обращения',
  'live-chat-reports.tags.caption':
    'Обращения по тегам, {range}: теги, которые их сессии носят сейчас',
  'live-chat-reports.tags.tag': 'Тег',
  'live-chat-reports.figures': 'Показатели',
  'live-chat-reports.figure.requests': 'Обращения',
  'live-chat-reports.figure.closed': 'Закрыто',
  'live-chat-reports.figure.averageWaitInQueue': 'Среднее ожидание в очереди',
  'live-chat-reports.figure.averageFirstResponse': 'Среднее время первого ответа',
  'live-chat-reports.figure.averageResolution': 'Среднее время решения',
  'live-chat-reports.figure.messagesIn': 'Входящие сообщения',
  'live-chat-reports.figure.messagesOut': 'Исходящие сообщения',
  'live-chat-reports.figure.neverAnswered': 'Без ответа',
  'live-chat-reports.formula.requests':
    'Сессии, начатые клиентами за период: клиент написал, когда у него не было открытой сессии, или написал снова после закрытия. Сессии, начатые операторами, обращениями не считаются. График показывает их по дням.',
  'live-chat-reports.formula.closed':
    'Сессии этого лайв-чата, закрытые за период, кто бы их ни начал.',
  'live-chat-reports.formula.averageWaitInQueue':
    'По обращениям периода, которые получил оператор: среднее время от поступления обращения до момента, когда оператор взял сессию, ответил в ней или получил её при назначении.',
  'live-chat-reports.formula.averageFirstResponse':
    'По обращениям периода, на которые ответил оператор: среднее время от поступления обращения до первого ответа оператора.',
  'live-chat-reports.formula.averageResolution':
    'По сессиям, закрытым за период: среднее время от начала сессии до её закрытия.',
  'live-chat-reports.formula.messagesIn':
    'Сообщения, которые клиенты написали в этом лайв-чате за период.',
  'live-chat-reports.formula.messagesOut':
    'Сообщения, которые операторы написали в этом лайв-чате за период.',
  'live-chat-reports.formula.neverAnswered':
    'Обращения периода, на которые оператор ещё не ответил.',
};
