// `@live-chat/elements/alert-settings`: defines <live-chat-alert-settings> (the alert settings) and
// exports its class and types. It imports only what that element renders: a host importing this
// entry alone ships nothing else of the package.
export * from './alert-settings.js';
