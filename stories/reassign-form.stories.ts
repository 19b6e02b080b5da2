import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Reassign form',
  ...aboutSessionPartMeta(
    'live-chat-reassign-form',
    "reassigns the session to an operator or a group among its live chat's reassignment targets, and fires `live-chat-session-reassigned`.",
  ),
};
export default meta;

/** Anna's active session: she may hand it to a colleague or a group. */
export const Default: SessionStory = {};

/** A supervisor on another operator's session. */
export const Supervisor: SessionStory = showingSession('othersActive', { user: 'supervisor' });

/** A queued session. */
export const Queued: SessionStory = { args: { session: 'queued' } };

/** Reassigning fails: the error shows under the form. */
export const CommandsFail: SessionStory = {
  loaders: [withClient({ failing: { commands: true } })],
};

export const Dark: SessionStory = { ...DARK };
export const Russian: SessionStory = { ...RUSSIAN };
