// Registers every <live-chat-*> element for the stories.
// TEMP: the component modules directly until packages/elements/src/index.ts exports them.
import '../../packages/elements/src/workspace/workspace.js';
import '../../packages/elements/src/navigation/navigation.js';
import '../../packages/elements/src/counter/counter.js';
import '../../packages/elements/src/session-list/session-list.js';
import '../../packages/elements/src/conversation/conversation.js';
import '../../packages/elements/src/about-session/about-session.js';
import '../../packages/elements/src/search/search.js';
import '../../packages/elements/src/reports/reports.js';
import '../../packages/elements/src/activity/activity.js';
import '../../packages/elements/src/connection-status/connection-status.js';
import '../../packages/elements/src/alert-settings/alert-settings.js';
import '../../packages/elements/src/new-session/new-session.js';
