import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import {
  DARK,
  DARK_RUSSIAN,
  RUSSIAN,
  SESSION_PICKS,
  fixtureOf,
  pickSession,
  withClient,
  type SessionPick,
  type ToolbarArgs,
} from './support/story-helpers.js';

interface AboutSessionArgs extends ToolbarArgs {
  /** Which session is described (a story fixture pick, set as `session-id`). */
  session: SessionPick;
}

const meta: Meta<AboutSessionArgs> = {
  title: 'Components/About session',
  component: 'live-chat-about-session',
  args: { session: 'mine' },
  argTypes: {
    session: {
      control: 'select',
      options: SESSION_PICKS,
      description: 'Story fixture: the session described (`session-id`)',
    },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<live-chat-about-session
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%"
    ></live-chat-about-session>`;
  },
};
export default meta;

type Story = StoryObj<AboutSessionArgs>;

/** Anna's active session, no host extensions: no +Bind, no +Actions, no "add to customers". */
export const WithoutHostExtensions: Story = {};

/** The host registered binders, actions and a customer database: +Bind (with a bound record), +Actions, Add to customers. */
export const WithHostExtensions: Story = { loaders: [withClient({ binders: true })] };

/** The customer is an internal user of the host: avatar and a link to the profile. */
export const InternalCustomer: Story = { args: { session: 'internalCustomer' } };

/** A queued session (no assignee yet). */
export const Queued: Story = {
  args: { session: 'queued' },
  loaders: [withClient({ binders: true })],
};

/** A session queued for an operator group (Ben is in the Accounting Department). */
export const QueuedForGroup: Story = {
  args: { session: 'groupQueued' },
  loaders: [withClient({ user: 'operatorB', binders: true })],
};

/** A closed session: the operator may look but not act; controls say why they are disabled. */
export const ClosedOperatorCannotAct: Story = {
  args: { session: 'closed' },
  loaders: [withClient({ binders: true })],
};

/** A supervisor on another operator's session: reassign to any target of the live chat. */
export const Supervisor: Story = {
  args: { session: 'othersActive' },
  loaders: [withClient({ user: 'supervisor', binders: true })],
};

/** Nothing selected. */
export const NoSession: Story = { args: { session: 'none' } };

/** An id the user cannot see (or that does not exist). */
export const Unavailable: Story = {
  render: (args, { loaded }) =>
    html`<live-chat-about-session
      .client=${fixtureOf(loaded).client}
      session-id="s-does-not-exist"
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px"
    ></live-chat-about-session>`,
};

/** The client has not loaded yet. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The client could not load the user's state. */
export const LoadError: Story = { loaders: [withClient({ failing: { snapshot: true } })] };

/** Every command fails (rename, reassign, bind): the errors show where they happened. */
export const CommandsFail: Story = {
  loaders: [withClient({ binders: true, failing: { commands: true } })],
};

/** Very long customer, account and session names. */
export const LongText: Story = {
  args: { session: 'longText' },
  loaders: [withClient({ longText: true, binders: true })],
};

/** A customer named in markup: shown literally. */
export const MarkupFromCustomer: Story = {
  args: { session: 'markup' },
  loaders: [withClient({ markup: true })],
};

export const Dark: Story = { ...DARK, loaders: [withClient({ binders: true })] };
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { session: 'internalCustomer' } };
