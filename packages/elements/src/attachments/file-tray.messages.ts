import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'fileTray.list': 'Files to send',
  'fileTray.uploading': 'Uploading…',
  'fileTray.ready': 'Ready',
  'fileTray.remove': 'Remove {name}',
  'fileTray.typeNotAllowed': 'files of type {type} cannot be attached',
  'fileTray.tooLarge': 'too large (max {max})',
  'fileTray.empty': 'the file is empty',
  'fileTray.unreadable': 'the file could not be read',
  'fileTray.offline': 'not uploaded: you are offline',
  'fileTray.failed': 'not uploaded: {reason}',
  'fileTray.fileError': '{name}: {reason}',
  'fileTray.fileReady': '{name} is ready to send.',
  'fileTray.tooMany': {
    one: 'A message carries at most {count} file: the others were not attached.',
    other: 'A message carries at most {count} files: the others were not attached.',
  },
  'fileTray.wait': 'Wait until the files are uploaded, then send.',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    fileTray: typeof en;
  }
}
