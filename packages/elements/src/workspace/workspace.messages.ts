import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'workspace.title': 'Live Chats',
  'workspace.skip-to-counter': 'Skip to new sessions',
  'workspace.skip-to-list': 'Skip to the session list',
  'workspace.skip-to-reply': 'Skip to the reply',
  'workspace.skip-to-main': 'Skip to the conversation',
  'workspace.skip-to-reports': 'Skip to the reports',
  'workspace.skip-to-monitor': 'Skip to the live monitor',
  'workspace.counters': 'New sessions',
  'workspace.search': 'Search live chats',
  'workspace.settings': 'Alert settings',
  'workspace.canned-replies': 'Canned replies',
  'workspace.shortcuts-help': 'Keyboard shortcuts',
  'workspace.nothing-waiting': 'No session is waiting',
  'workspace.sessions': 'Sessions',
  'workspace.back-to-menu': 'Back to the menu',
  'workspace.back-to-list': 'Back to the sessions',
  'workspace.back-to-conversation': 'Back to the conversation',
  'workspace.main': 'Conversation',
  'workspace.main-reports': 'Reports',
  'workspace.main-monitor': 'Live monitor',
  'workspace.side': 'Session details and activity',
  'workspace.tab.about': 'About the session',
  'workspace.tab.activity': 'Activity',
  'workspace.show-about': 'About the session',
  'workspace.hide-about': 'Hide the session details',
  'workspace.no-session': 'No session is open',
  'workspace.load-failed':
    'Part of the workspace could not be loaded. Check the connection or reload the page.',
  'workspace.load-retry': 'Try again',
  'workspace.no-session-hint':
    'Choose a session from the list on the left, or click the blue counter to take the oldest waiting one.',
  'workspace.no-session-about': 'Open a session to see its details here.',
  'workspace.loading': 'Loading your live chats…',
  'workspace.no-client.title': 'No client connected',
  'workspace.no-client.body':
    'The workspace needs a client to show anything. Create one with createLiveChatClient({ adapter }) from @live-chat/core and set it as the client property:',
  'workspace.session-opened': 'Opened session {name}',
  'workspace.session-closed': 'Session {name} was closed',
  'workspace.list-of': '{group} — {liveChat}',
  'workspace.group.active': 'Active',
  'workspace.group.closed': 'Closed',
  'workspace.group.queue': 'Queue',
  'workspace.group.mine': 'My sessions',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    workspace: typeof en;
  }
}
