import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Customer card',
  ...aboutSessionPartMeta(
    'live-chat-customer-card',
    'the session\'s customer (internal user with a profile link, or external customer with account and messenger) and "Add to customers" when the host has a customer database.',
  ),
};
export default meta;

/** An external customer; the host has no customer database. */
export const External: SessionStory = {};

/** The host has a customer database: "Add to customers". */
export const WithCustomerDatabase: SessionStory = { loaders: [withClient({ binders: true })] };

/**
 * The customer is an internal user of the host, with a link to the profile. The demo's avatars
 * are `data:` URLs, which the card does not load (absolute `https:` only): initials instead.
 */
export const InternalUser: SessionStory = { args: { session: 'internalCustomer' } };

/** A closed session: "Add to customers" is disabled, described by the reason. */
export const ClosedOperatorCannotAct: SessionStory = showingSession('closed', { binders: true });

/** Very long names and accounts: cut to one line with an ellipsis, whole in their tooltips. */
export const LongText: SessionStory = showingSession('longText');

/** A customer named in markup: shown literally. */
export const MarkupFromCustomer: SessionStory = showingSession('markup');

/**
 * The customer is read on demand; in this story the read never answers: the card says it is
 * loading, until the client gives up on the read (its request timeout) and offers Try again.
 */
export const CustomerLoading: SessionStory = {
  loaders: [withClient({ hanging: { customers: true } })],
};

/** The customer could not be read: the reason, and Try again. */
export const CustomerLoadFails: SessionStory = {
  loaders: [withClient({ failing: { customers: true } })],
};

/** Offline before the customer was read: the card says so, and reads it when the connection is back. */
export const Offline: SessionStory = { loaders: [withClient({ connection: 'offline' })] };

export const Dark: SessionStory = { ...DARK, args: { session: 'internalCustomer' } };
export const Russian: SessionStory = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
