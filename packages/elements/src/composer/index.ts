// `@live-chat/elements/composer`: defines <live-chat-composer> (the reply box of one session) and
// exports its class and types. `<live-chat-conversation>` renders it, so the conversation's entry
// exports it too.
export * from './composer.js';
