import '../../index.js';
export * from '../../conversation/conversation.js';
