import '../../index.js';
export * from '../../attachments/attachment.js';
