// `@live-chat/elements/alert-toast`: defines <live-chat-alert-toast> (the in-app alert of incoming
// messages, for an `AlertsController` whose sound and desktop notifications do not reach the
// user) and exports its class. It imports only what that element renders.
export * from './alert-toast.js';
