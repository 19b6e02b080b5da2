import { registerDefaultMessages, type Messages, type Translation } from '../i18n/catalogue.js';

// The "How is this computed?" texts paraphrase the doc comments of `operatorsPerformance` and
// `liveChatPerformance` in packages/core/src/domain/reports.ts: change them together.
/** English, the source language: its keys are the component's keys. */
const en = {
  'live-chat-reports.tabs': 'Report',
  'live-chat-reports.tab.operators-performance': "Operators' performance",
  'live-chat-reports.tab.live-chat-performance': 'Live chat performance',
  'live-chat-reports.filters': 'Report settings',
  'live-chat-reports.live-chat': 'Live chat',
  'live-chat-reports.live-chat.unknown': 'Live chat {id}',
  'live-chat-reports.from': 'From',
  'live-chat-reports.to': 'To',
  'live-chat-reports.range': '{from} – {to}',
  'live-chat-reports.range.missing': 'Choose both a start and an end date.',
  'live-chat-reports.range.invalid': 'The start date must be on or before the end date.',
  'live-chat-reports.range.too-long': {
    one: 'Choose a period of at most {count} day.',
    other: 'Choose a period of at most {count} days.',
  },
  'live-chat-reports.loading': 'Loading the report…',
  'live-chat-reports.client-loading': 'Loading your live chats…',
  'live-chat-reports.no-client': 'Reports are not connected to a live chat client.',
  'live-chat-reports.no-live-chats':
    'You do not belong to any live chat, so there is no report to show.',
  'live-chat-reports.empty': 'No data for this period.',
  'live-chat-reports.offline':
    'You are offline: reports cannot be loaded until the connection is back.',
  'live-chat-reports.error': 'The report could not be loaded. {reason}',
  'live-chat-reports.retry': 'Try again',
  'live-chat-reports.how': 'How is this computed?',
  'live-chat-reports.how-for': 'How is “{figure}” computed?',
  'live-chat-reports.no-average': 'A dash (—) means there was nothing to average.',

  'live-chat-reports.operators.caption': "Operators' performance in {liveChat}, {range}",
  'live-chat-reports.operators.operator': 'Operator',
  'live-chat-reports.operators.sessionsTaken': 'Sessions taken',
  'live-chat-reports.operators.sessionsClosed': 'Sessions closed',
  'live-chat-reports.operators.messagesSent': 'Messages sent',
  'live-chat-reports.operators.averageFirstResponse': 'Average first response',
  'live-chat-reports.operators.averageResolution': 'Average resolution',
  'live-chat-reports.operators.openNow': 'Open now',
  'live-chat-reports.operators.formulas': 'How the columns are computed',
  'live-chat-reports.formula.operators.sessionsTaken':
    'How many times in the period the operator was the first to get a session of this live chat: by taking it from the queue, replying to it, being assigned it or starting it. A session closed and reopened counts again.',
  'live-chat-reports.formula.operators.sessionsClosed':
    'Sessions of this live chat that the operator closed in the period.',
  'live-chat-reports.formula.operators.messagesSent':
    'Messages the operator wrote in this live chat in the period.',
  'live-chat-reports.formula.operators.averageFirstResponse':
    'For the sessions where the operator sent the first operator reply in the period: the average time from the start of the session (the customer’s first message, or the outbound start) to that reply.',
  'live-chat-reports.formula.operators.averageResolution':
    'For the sessions the operator closed in the period: the average time from the start of the session to its close.',
  'live-chat-reports.formula.operators.openNow':
    'Active sessions of this live chat assigned to the operator right now, whatever the period.',

  'live-chat-reports.live-chat.title': 'Live chat performance in {liveChat}, {range}',
  'live-chat-reports.chart.title': 'Requests per day',
  'live-chat-reports.chart.summary': {
    one: 'Requests per day, {range}: {count} request in total; the busiest day was {day} with {max}.',
    other:
      'Requests per day, {range}: {count} requests in total; the busiest day was {day} with {max}.',
  },
  'live-chat-reports.chart.summary-empty': 'Requests per day, {range}: no requests.',
  'live-chat-reports.chart.bar': {
    one: '{day}: {count} request',
    other: '{day}: {count} requests',
  },
  'live-chat-reports.chart.show-table': 'Show the data as a table',
  'live-chat-reports.chart.table-caption': 'Requests per day, {range}',
  'live-chat-reports.chart.day': 'Day',
  'live-chat-reports.chart.requests': 'Requests',
  'live-chat-reports.figures': 'Figures',
  'live-chat-reports.figure.requests': 'Requests',
  'live-chat-reports.figure.closed': 'Closed',
  'live-chat-reports.figure.averageWaitInQueue': 'Average wait in queue',
  'live-chat-reports.figure.averageFirstResponse': 'Average first response',
  'live-chat-reports.figure.averageResolution': 'Average resolution',
  'live-chat-reports.figure.messagesIn': 'Messages in',
  'live-chat-reports.figure.messagesOut': 'Messages out',
  'live-chat-reports.figure.neverAnswered': 'Never answered',
  'live-chat-reports.formula.requests':
    'Sessions customers started in the period: a customer writing with no open session, or writing again after a close. Sessions started by operators are not requests. The chart splits them by day.',
  'live-chat-reports.formula.closed':
    'Sessions of this live chat closed in the period, whoever started them.',
  'live-chat-reports.formula.averageWaitInQueue':
    'For the requests of the period that an operator got: the average time from the moment the request arrived to the moment an operator took it, replied to it or was assigned it.',
  'live-chat-reports.formula.averageFirstResponse':
    'For the requests of the period that got an operator reply: the average time from the moment the request arrived to the first operator reply.',
  'live-chat-reports.formula.averageResolution':
    'For the sessions closed in the period: the average time from the start of the session to its close.',
  'live-chat-reports.formula.messagesIn':
    'Messages customers wrote in this live chat in the period.',
  'live-chat-reports.formula.messagesOut':
    'Messages operators wrote in this live chat in the period.',
  'live-chat-reports.formula.neverAnswered':
    'Requests of the period that have no operator reply yet.',
} as const satisfies Messages;

const ru: Translation<typeof en> = {
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

registerDefaultMessages('en', en);
registerDefaultMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    reports: typeof en;
  }
}
