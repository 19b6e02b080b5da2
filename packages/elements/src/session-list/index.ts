// `@live-chat/elements/session-list`: defines <live-chat-session-list> (one group of sessions as a
// listbox) and exports its class and types. It imports only what that element renders: a host
// importing this entry alone ships nothing else of the package.
export * from './session-list.js';
