import { registerDefaultMessages, type Messages } from '../../i18n/catalogue.js';

/** English, the source language: its keys are the component's keys. */
const en = {
  'session-triage.tags': 'Tags',
  'session-triage.noTags': 'No tags',
  'session-triage.noTagsOffered': 'This live chat has no tags.',
  'session-triage.editTags': 'Edit tags',
  'session-triage.doneTags': 'Done',
  'session-triage.chooseTags': 'Tags of this session',
  'session-triage.tagsHint': 'At most {limit} tags. Each change is saved at once.',
  'session-triage.tagsFull': 'This session has {limit} tags, the most it can carry.',
  'session-triage.tagsLimit': 'A session carries at most {limit} tags.',
  'session-triage.tagsFailed': 'The tags could not be changed. {reason}',
  'session-triage.urgent': 'Urgent',
  'session-triage.urgentOn': 'Urgent: it goes first in the queue.',
  'session-triage.urgentOff': 'Not urgent: it waits in the queue in turn.',
  'session-triage.markUrgent': 'Mark urgent',
  'session-triage.unmarkUrgent': 'Not urgent',
  'session-triage.urgentFailed': 'The urgent mark could not be changed. {reason}',
} as const satisfies Messages;

registerDefaultMessages('en', en);

declare global {
  interface LiveChatMessageCatalogues {
    'session-triage': typeof en;
  }
}
