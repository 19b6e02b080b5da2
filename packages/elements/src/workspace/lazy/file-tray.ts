import '../../index.js';
export * from '../../attachments/file-tray.js';
