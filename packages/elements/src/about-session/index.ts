// `@live-chat/elements/about-session`: defines <live-chat-about-session> (the about-session pane)
// and exports its class and types. It imports only what that element renders: a host importing this
// entry alone ships nothing else of the package.
export * from './about-session.js';
