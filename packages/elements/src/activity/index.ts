// `@live-chat/elements/activity`: defines <live-chat-activity> (the activity stream) and exports
// its class and types. It imports only what that element renders: a host importing this entry alone
// ships nothing else of the package.
export * from './activity.js';
