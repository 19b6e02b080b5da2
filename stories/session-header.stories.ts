import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Session header',
  ...aboutSessionPartMeta(
    'live-chat-session-header',
    "the session's live chat, name (pencil to rename: Enter saves, Escape cancels), first message, status and assignee.",
  ),
};
export default meta;

/** Anna's active session: she may rename it. */
export const Default: SessionStory = {};

/** A queued session (no assignee yet). */
export const Queued: SessionStory = { args: { session: 'queued' } };

/** A session queued for an operator group (Ben is in the Accounting Department). */
export const QueuedForGroup: SessionStory = showingSession('groupQueued', { user: 'operatorB' });

/** A closed session: the pencil is disabled, described by the reason. */
export const ClosedOperatorCannotAct: SessionStory = { args: { session: 'closed' } };

/** Renaming fails: the error shows under the field. */
export const CommandsFail: SessionStory = {
  loaders: [withClient({ failing: { commands: true } })],
};

/** A very long session name. */
export const LongText: SessionStory = showingSession('longText');

/** Nothing selected: the part shows nothing. */
export const NoSession: SessionStory = { args: { session: 'none' } };

export const Dark: SessionStory = { ...DARK };
export const Russian: SessionStory = { ...RUSSIAN };
