// `@live-chat/elements/availability`: defines <live-chat-availability> (the signed-in user's
// status picker) and exports its class.
export * from './availability.js';
