import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionGroupKind } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { GROUP_CONTROL, LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import { pickSession, sessionControl, type SessionArgs } from './support/session-pick.js';
import { SEED_LIVE_CHATS } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface NavigationArgs extends SessionArgs {
  view: 'none' | 'reports' | 'group';
  'live-chat-id': string;
  group: SessionGroupKind;
  'list-placement': 'inline' | 'none';
}

const meta: Meta<NavigationArgs> = {
  title: 'Components/Navigation',
  component: 'live-chat-navigation',
  args: {
    view: 'group',
    'live-chat-id': SEED_LIVE_CHATS.support,
    group: 'queue',
    'list-placement': 'inline',
    session: 'none',
  },
  argTypes: {
    view: { control: 'inline-radio', options: ['none', 'reports', 'group'] },
    'live-chat-id': LIVE_CHAT_CONTROL,
    group: GROUP_CONTROL,
    'list-placement': { control: 'inline-radio', options: ['inline', 'none'] },
    session: sessionControl('the open session'),
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    const isGroup = args.view === 'group';
    return html`<live-chat-navigation
      .client=${fixture.client}
      view=${ifDefined(args.view === 'none' ? undefined : args.view)}
      live-chat-id=${ifDefined(isGroup ? args['live-chat-id'] : undefined)}
      group=${ifDefined(isGroup ? args.group : undefined)}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      list-placement=${args['list-placement']}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:320px;max-width:100%"
    ></live-chat-navigation>`;
  },
};
export default meta;

type Story = StoryObj<NavigationArgs>;

/** Anna (operator): Reports, then each live chat with Closed, Queue, My sessions (no Active) and + New Session. */
export const Operator: Story = {};

/** Maria (supervisor) also sees Active in the live chats she supervises. */
export const Supervisor: Story = {
  args: { group: 'active' },
  loaders: [withClient({ user: 'supervisor' })],
};

/** My sessions selected, with the open session highlighted in the inline list. */
export const MySessionsSelected: Story = { args: { group: 'mine', session: 'mine' } };

/** Reports selected. */
export const ReportsSelected: Story = { args: { view: 'reports' } };

/** Nothing selected, no inline list (the workspace shows the list in its own pane). */
export const MenuOnly: Story = { args: { view: 'none', 'list-placement': 'none' } };

/** Elena only works in the Website Help Desk (web only): no + New Session there. */
export const WithoutOutboundChannels: Story = {
  args: { 'live-chat-id': SEED_LIVE_CHATS.helpDesk },
  loaders: [withClient({ user: 'helpDeskOperator' })],
};

/** Thousands of sessions: large group sizes. */
export const ManySessions: Story = {
  loaders: [withClient({ user: 'supervisor', sessions: 5_000 })],
};

/** Nothing in any group yet. */
export const Empty: Story = { loaders: [withClient({ empty: true })] };

/** The client has not loaded yet. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The client could not load the user's state. */
export const LoadError: Story = { loaders: [withClient({ failing: { snapshot: true } })] };

/** Offline: the menu keeps the last known sizes. */
export const Offline: Story = { loaders: [withClient({ connection: 'offline' })] };

/** Sessions with very long names in the inline list. */
export const LongText: Story = {
  args: { group: 'mine' },
  loaders: [withClient({ longText: true })],
};

export const Dark: Story = { ...DARK, args: { group: 'mine' } };
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ user: 'supervisor' })] };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { view: 'reports' } };
