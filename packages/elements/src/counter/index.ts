// `@live-chat/elements/counter`: defines <live-chat-counter> (the red or the blue counter) and
// exports its class and types. It imports only what that element renders: a host importing this
// entry alone ships nothing else of the package.
export * from './counter.js';
