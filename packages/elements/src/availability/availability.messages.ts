import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'availability.label': 'Your status',
  'availability.online': 'Online',
  'availability.away': 'Away',
  'availability.offline': 'Offline',
  'availability.away-auto': 'Away (idle)',
  'availability.since': '{status} since {time}',
  'availability.auto-hint': 'Set automatically while you were idle; any activity brings you back.',
  'availability.error': 'Your status could not be changed. {reason}',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    availability: typeof en;
  }
}
