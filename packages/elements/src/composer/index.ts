// Entry of <live-chat-composer> (the reply box of one session): defines the tag and exports its
// class and types. `<live-chat-conversation>` renders it, so the conversation's entry
// (`@live-chat/elements/conversation`) exports it too.
export * from './composer.js';
