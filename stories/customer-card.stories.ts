import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import {
  DARK,
  RUSSIAN,
  SESSION_PICKS,
  fixtureOf,
  pickSession,
  withClient,
  type SessionPick,
  type ToolbarArgs,
} from './support/story-helpers.js';

interface PartArgs extends ToolbarArgs {
  /** Which session is shown (a story fixture pick, set as `session-id`). */
  session: SessionPick;
}

const meta: Meta<PartArgs> = {
  title: 'Components/About session parts/Customer card',
  component: 'live-chat-customer-card',
  args: { session: 'mine' },
  argTypes: {
    session: {
      control: 'select',
      options: SESSION_PICKS,
      description: 'Story fixture: the session shown (`session-id`)',
    },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<live-chat-customer-card
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;padding:12px"
    ></live-chat-customer-card>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          'A part of `<live-chat-about-session>`, usable alone with a `client` and a `session-id`: the session\'s customer (internal user with a profile link, or external customer with account and messenger) and "Add to customers" when the host has a customer database.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<PartArgs>;

/** An external customer; the host has no customer database. */
export const External: Story = {};

/** The host has a customer database: "Add to customers". */
export const WithCustomerDatabase: Story = { loaders: [withClient({ binders: true })] };

/** The customer is an internal user of the host: avatar and a link to the profile. */
export const InternalUser: Story = { args: { session: 'internalCustomer' } };

/** A closed session: "Add to customers" is disabled, described by the reason. */
export const ClosedOperatorCannotAct: Story = {
  args: { session: 'closed' },
  loaders: [withClient({ binders: true })],
};

/** Very long names and accounts. */
export const LongText: Story = {
  args: { session: 'longText' },
  loaders: [withClient({ longText: true })],
};

/** A customer named in markup: shown literally. */
export const MarkupFromCustomer: Story = {
  args: { session: 'markup' },
  loaders: [withClient({ markup: true })],
};

export const Dark: Story = { ...DARK, args: { session: 'internalCustomer' } };
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
