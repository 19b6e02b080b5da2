// `@live-chat/elements/search`: defines <live-chat-search> (the search bar and its results) and
// exports its class and types. It imports only what that element renders: a host importing this
// entry alone ships nothing else of the package.
export * from './search.js';
