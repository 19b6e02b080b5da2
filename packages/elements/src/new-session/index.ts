// `@live-chat/elements/new-session`: defines <live-chat-new-session> (the +New Session form) and
// exports its class and types. It imports only what that element renders: a host importing this
// entry alone ships nothing else of the package.
export * from './new-session.js';
