// `@live-chat/elements/monitor`: defines <live-chat-monitor> (the supervisors' live monitor) and
// exports its class and types. It imports only what that element renders.
export * from './monitor.js';
