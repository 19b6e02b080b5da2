import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { sessionComponentMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session',
  ...sessionComponentMeta('live-chat-about-session', {
    role: 'the session described',
    style: 'display:block;width:340px;max-width:100%',
  }),
};
export default meta;

/** Anna's active session, no host extensions: no +Bind, no +Actions, no "add to customers". */
export const WithoutHostExtensions: SessionStory = {};

/** The host registered binders, actions and a customer database: +Bind (with a bound record), +Actions, Add to customers. */
export const WithHostExtensions: SessionStory = { loaders: [withClient({ binders: true })] };

/** The customer is an internal user of the host: avatar and a link to the profile. */
export const InternalCustomer: SessionStory = { args: { session: 'internalCustomer' } };

/** A queued session (no assignee yet). */
export const Queued: SessionStory = showingSession('queued', { binders: true });

/** A session queued for an operator group (Ben is in the Accounting Department). */
export const QueuedForGroup: SessionStory = showingSession('groupQueued', {
  user: 'operatorB',
  binders: true,
});

/** A closed session: the operator may look but not act; controls say why they are disabled. */
export const ClosedOperatorCannotAct: SessionStory = showingSession('closed', { binders: true });

/** A supervisor on another operator's session: reassign to any target of the live chat. */
export const Supervisor: SessionStory = showingSession('othersActive', {
  user: 'supervisor',
  binders: true,
});

/** Nothing selected. */
export const NoSession: SessionStory = { args: { session: 'none' } };

/** An id the user cannot see (or that does not exist). */
export const Unavailable: SessionStory = { args: { session: 'unavailable' } };

/** The client has not loaded yet. */
export const Loading: SessionStory = { loaders: [withClient({ loading: true })] };

/** The client could not load the user's state. */
export const LoadError: SessionStory = { loaders: [withClient({ failing: { snapshot: true } })] };

/** Every command fails (rename, reassign, bind): the errors show where they happened. */
export const CommandsFail: SessionStory = {
  loaders: [withClient({ binders: true, failing: { commands: true } })],
};

/** Very long customer, account and session names. */
export const LongText: SessionStory = showingSession('longText', { binders: true });

/** A customer named in markup: shown literally. */
export const MarkupFromCustomer: SessionStory = showingSession('markup');

export const Dark: SessionStory = { ...DARK, loaders: [withClient({ binders: true })] };
export const Russian: SessionStory = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
export const DarkRussian: SessionStory = { ...DARK_RUSSIAN, args: { session: 'internalCustomer' } };
