// `@live-chat/elements/attachments`: defines <live-chat-attachment> (one file of a message: a
// safe preview of an image, a download of anything) and <live-chat-file-tray> (the files of the
// composer's next reply), and exports their classes. The conversation and the composer load
// them with import() the first time a message carries a file, or the user attaches one.
export * from './attachment.js';
export * from './file-tray.js';
