// `@live-chat/elements/conversation`: defines <live-chat-conversation> (messages, composer and
// Close session) and <live-chat-composer> (which it renders), and exports their classes and
// types. It imports only what that element renders: a host importing this entry alone ships
// nothing else of the package.
export * from './conversation.js';
export * from '../composer/index.js';
