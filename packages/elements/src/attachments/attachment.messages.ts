import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'attachment.download': 'Download',
  'attachment.loading': 'Loading preview…',
  'attachment.failed': 'No preview: {reason}',
  'attachment.offline': 'No preview while offline.',
  'attachment.retry': 'Retry',
  'attachment.notImage': 'No preview: the file is not the image it claims to be.',
  'attachment.saving': 'Downloading…',
  'attachment.saveFailed': 'Could not download: {reason}',
  'attachment.enlarge': 'Show larger',
  'attachment.shrink': 'Show smaller',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    attachment: typeof en;
  }
}
