import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface ActivityArgs extends ToolbarArgs {
  limit: number;
  'heading-level': number;
}

const meta: Meta<ActivityArgs> = {
  title: 'Components/Activity',
  component: 'live-chat-activity',
  args: { limit: 50, 'heading-level': 2 },
  argTypes: {
    limit: { control: { type: 'number', min: 1 } },
    'heading-level': { control: { type: 'number', min: 0, max: 6 } },
  },
  loaders: [withClient()],
  render: (args, { loaded }) =>
    html`<live-chat-activity
      .client=${fixtureOf(loaded).client}
      limit=${args.limit}
      heading-level=${args['heading-level']}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;max-height:640px;overflow:auto"
    ></live-chat-activity>`,
};
export default meta;

type Story = StoryObj<ActivityArgs>;

/** Anna's stream: sessions closed in her live chats, sessions reassigned to her. */
export const Operator: Story = {};

/** Ben is in the Accounting Department: sessions reassigned to his group appear too. */
export const GroupMember: Story = { loaders: [withClient({ user: 'operatorB' })] };

/** The supervisor sees every closed session of the live chats they supervise. */
export const Supervisor: Story = { loaders: [withClient({ user: 'supervisor' })] };

/** Nothing happened yet. */
export const Empty: Story = { loaders: [withClient({ empty: true })] };

/** Hundreds of entries (only the newest `limit` are shown). */
export const ManyEntries: Story = {
  args: { limit: 200 },
  loaders: [withClient({ sessions: 3_000 })],
};

/** A short stream without its heading (inside a tab that names it). */
export const LimitedWithoutHeading: Story = { args: { limit: 3, 'heading-level': 0 } };

/** A session with a very long unbroken name was closed. */
export const LongText: Story = { loaders: [withClient({ longText: true })] };

/** The client has not loaded yet. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The client could not load the user's state. */
export const LoadError: Story = { loaders: [withClient({ failing: { snapshot: true } })] };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = {
  ...DARK_RUSSIAN,
  loaders: [withClient({ user: 'supervisor' })],
};
