import { registerDefaultMessages, type Messages } from '../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'activity.heading': 'Activity',
  'activity.list': 'Activity stream',
  'activity.empty': 'No activity yet. Closed and reassigned sessions will appear here.',
  'activity.loading': 'Loading activity…',
  'activity.error': 'Activity could not be loaded. {reason}',
  'activity.someone': 'Someone',
  'activity.unknown-group': 'a group',
  'activity.closed': '{actor} closed session “{session}”',
  'activity.closed.by-you': 'You closed session “{session}”',
  'activity.reassigned.to-you': '{actor} reassigned session “{session}” to you',
  'activity.reassigned.to-group': '{actor} reassigned session “{session}” to {target}',
  'activity.reassigned.to-operator': '{actor} reassigned session “{session}” to {target}',
  'activity.reassigned.by-you': 'You reassigned session “{session}” to {target}',
  'activity.note': 'Note: “{note}”',
  'activity.open': 'Activity',
  'activity.unseen': { one: '{count} new', other: '{count} new' },
  'activity.open-unseen': {
    one: 'Activity, {count} new entry',
    other: 'Activity, {count} new entries',
  },
  'activity.arrived': {
    one: '{count} new entry in Activity',
    other: '{count} new entries in Activity',
  },
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    activity: typeof en;
  }
}
