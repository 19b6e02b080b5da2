import { registerMessages } from '@live-chat/elements';

/**
 * Adds German. Keys left out fall back to English; a regional locale such as `de-AT` falls
 * back to `de` first.
 */
export function registerGerman(): void {
  registerMessages('de', {
    'workspace.title': 'Live-Chats',
    'workspace.no-session': 'Keine Sitzung geöffnet',
    'navigation.reports': 'Berichte',
    'navigation.group.active': 'Aktiv',
    'navigation.group.closed': 'Geschlossen',
    'navigation.group.queue': 'Warteschlange',
    'navigation.group.mine': 'Meine Sitzungen',
    // Plural forms, chosen by Intl.PluralRules('de') from the `count` parameter.
    'navigation.group-size': { one: '{count} Sitzung', other: '{count} Sitzungen' },
    'counter.unread.label': {
      one: '{count} ungelesene Nachricht',
      other: '{count} ungelesene Nachrichten',
    },
  });
}

/** Renames a label in English, for every workspace on the page. */
export function renameTitle(): void {
  registerMessages('en', { 'workspace.title': 'Support desk' });
}
