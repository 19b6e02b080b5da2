// `@live-chat/elements/connection-status`: defines <live-chat-connection-status> (the connection
// banner) and exports its class and types. It imports only what that element renders: a host
// importing this entry alone ships nothing else of the package.
export * from './connection-status.js';
