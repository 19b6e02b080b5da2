// `@live-chat/elements/conversation`: defines <live-chat-conversation> (messages, composer and
// Close session), <live-chat-composer> and <live-chat-typing-indicator> (which it renders), and
// exports their classes and types; <live-chat-attachment> it loads with import() when a message
// first carries a file. It imports only what that element renders: a host importing this entry
// alone ships nothing else of the package.
import { setOnDemandLoader } from '../shared/on-demand.js';

setOnDemandLoader('live-chat-attachment', () => import('../attachments/attachment.js'));

export * from './conversation.js';
export * from './typing-indicator.js';
export type { LiveChatAttachment } from '../attachments/attachment.js';
export * from '../composer/index.js';
