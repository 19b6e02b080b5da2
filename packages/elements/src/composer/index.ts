// `@live-chat/elements/composer`: defines <live-chat-composer> (the reply box of one session) and
// exports its class and types; <live-chat-file-tray> it loads with import() when the user first
// attaches a file. `<live-chat-conversation>` renders it, so the conversation's entry exports it
// too.
import { setOnDemandLoader } from '../shared/on-demand.js';

setOnDemandLoader('live-chat-file-tray', () => import('../attachments/file-tray.js'));

export * from './composer.js';
