// Registers every <live-chat-*> element for the stories, through the package's public entries:
// the main entry defines the workspace and what it always shows; the parts it loads on first
// use (the conversation with its composer, Activity, About the session with its parts, reports,
// search, alert settings, the in-app alert, New Session, canned replies, the live monitor, the
// shortcuts help) have entries of their own, imported here so each one's story shows at once.
// The Russian texts are opt-in: the toolbar switches to them.
import '@live-chat/elements';
import '@live-chat/elements/conversation';
import '@live-chat/elements/activity';
import '@live-chat/elements/about-session';
import '@live-chat/elements/reports';
import '@live-chat/elements/search';
import '@live-chat/elements/alert-settings';
import '@live-chat/elements/alert-toast';
import '@live-chat/elements/new-session';
import '@live-chat/elements/canned-replies';
import '@live-chat/elements/monitor';
import '@live-chat/elements/shortcuts';
import '@live-chat/elements/locales/ru';
