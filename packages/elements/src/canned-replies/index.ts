// `@live-chat/elements/canned-replies`: defines <live-chat-canned-replies> (the canned replies
// editor) and exports its class. The workspace loads it the first time it is opened.
export * from './canned-replies.js';
