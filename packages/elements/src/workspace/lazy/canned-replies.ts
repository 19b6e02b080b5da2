import '../../index.js';
export * from '../../canned-replies/canned-replies.js';
