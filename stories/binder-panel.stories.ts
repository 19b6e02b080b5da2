import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Binder panel',
  ...aboutSessionPartMeta(
    'live-chat-binder-panel',
    "the host's binders (`client.registerBinder`) with the records bound to the session, +Bind (search or create a record) and Unbind. Shows nothing while no binder is registered.",
    { binders: true },
  ),
};
export default meta;

/** The host registered binders; one record is bound already. */
export const Default: SessionStory = {};

/** A closed session: +Bind and Unbind are disabled, described by the reason. */
export const ClosedOperatorCannotAct: SessionStory = { args: { session: 'closed' } };

/** Every command fails: the errors show in the binder. */
export const CommandsFail: SessionStory = {
  loaders: [withClient({ binders: true, failing: { commands: true } })],
};

/** Long record labels. */
export const LongText: SessionStory = showingSession('longText', { binders: true });

/** No binder registered: the part shows nothing. */
export const NoBinders: SessionStory = { loaders: [withClient()] };

export const Dark: SessionStory = { ...DARK };
export const Russian: SessionStory = { ...RUSSIAN };
