/**
 * @packageDocumentation
 * `@live-chat/elements/locales/ru`: the Russian texts of every component. Import it once, for
 * its effect, where the page may show Russian; then `locale="ru"` (on the workspace, or on any
 * component) shows them:
 *
 * ```ts
 * import '@live-chat/elements';
 * import '@live-chat/elements/locales/ru';
 * document.querySelector('live-chat-workspace')!.locale = 'ru';
 * ```
 *
 * Without it the components speak English only, and a host that shows no Russian ships none.
 *
 * @module \@live-chat/elements/locales/ru
 */
import { registerDefaultMessages } from '../i18n/catalogue.js';
import { ru as aboutSession } from '../about-session/about-session.messages.ru.js';
import { ru as activity } from '../activity/activity.messages.ru.js';
import { ru as alertSettings } from '../alert-settings/alert-settings.messages.ru.js';
import { ru as alerts } from '../controllers/alerts/alerts.messages.ru.js';
import { ru as alertToast } from '../alert-toast/alert-toast.messages.ru.js';
import { ru as composer } from '../composer/composer.messages.ru.js';
import { ru as connectionStatus } from '../connection-status/connection-status.messages.ru.js';
import { ru as conversation } from '../conversation/conversation.messages.ru.js';
import { ru as counter } from '../counter/counter.messages.ru.js';
import { ru as error } from '../shared/error.messages.ru.js';
import { ru as navigation } from '../navigation/navigation.messages.ru.js';
import { ru as newSession } from '../new-session/new-session.messages.ru.js';
import { ru as reports } from '../reports/reports.messages.ru.js';
import { ru as search } from '../search/search.messages.ru.js';
import { ru as sessionList } from '../session-list/session-list.messages.ru.js';
import { ru as sessionTriage } from '../about-session/session-triage/session-triage.messages.ru.js';
import { ru as workspace } from '../workspace/workspace.messages.ru.js';
import { ru as availability } from '../availability/availability.messages.ru.js';
import { ru as monitor } from '../monitor/monitor.messages.ru.js';
import { ru as shortcuts } from '../shortcuts/shortcuts.messages.ru.js';
import { ru as cannedPicker } from '../composer/canned-picker.messages.ru.js';
import { ru as cannedReplies } from '../canned-replies/canned-replies.messages.ru.js';
import { ru as attachment } from '../attachments/attachment.messages.ru.js';
import { ru as fileTray } from '../attachments/file-tray.messages.ru.js';

for (const texts of [
  aboutSession,
  activity,
  alertSettings,
  alerts,
  alertToast,
  composer,
  connectionStatus,
  conversation,
  counter,
  error,
  navigation,
  newSession,
  reports,
  search,
  sessionList,
  sessionTriage,
  workspace,
  availability,
  monitor,
  shortcuts,
  cannedPicker,
  cannedReplies,
  attachment,
  fileTray,
])
  registerDefaultMessages('ru', texts);
