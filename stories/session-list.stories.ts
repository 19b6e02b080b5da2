import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionGroupKind } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { GROUP_CONTROL, LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import { pickSession, sessionControl, type SessionPick } from './support/session-pick.js';
import { SEED_LIVE_CHATS } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface SessionListArgs extends ToolbarArgs {
  'live-chat-id': string;
  group: SessionGroupKind;
  /** Which session is selected (a story fixture pick, not an attribute). */
  selected: SessionPick;
  overscan: number;
  height: string;
}

const meta: Meta<SessionListArgs> = {
  title: 'Components/Session list',
  component: 'live-chat-session-list',
  args: {
    'live-chat-id': SEED_LIVE_CHATS.support,
    group: 'queue',
    selected: 'none',
    overscan: 6,
    height: '480px',
  },
  argTypes: {
    'live-chat-id': LIVE_CHAT_CONTROL,
    group: GROUP_CONTROL,
    selected: sessionControl('the selected session', 'selected-session-id'),
    height: { control: 'text', description: 'Story frame: height of the list' },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<live-chat-session-list
      .client=${fixture.client}
      live-chat-id=${args['live-chat-id']}
      group=${args.group}
      selected-session-id=${ifDefined(pickSession(fixture, args.selected))}
      overscan=${args.overscan}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:360px;max-width:100%;height:${args.height}"
    ></live-chat-session-list>`;
  },
};
export default meta;

type Story = StoryObj<SessionListArgs>;

/** Anna's queue in Customer Support: New marks, unread badges, oldest first. */
export const Queue: Story = {};

/** Anna's own active sessions, newest activity first, one selected. */
export const MySessions: Story = { args: { group: 'mine', selected: 'mine' } };

/** Closed sessions of the live chat. */
export const Closed: Story = { args: { group: 'closed' } };

/** A supervisor sees every active session of the live chats they supervise. */
export const ActiveForSupervisor: Story = {
  args: { group: 'active' },
  loaders: [withClient({ user: 'supervisor' })],
};

/** An operator asking for Active gets the permission message: only supervisors see it. */
export const ActiveForOperator: Story = { args: { group: 'active' } };

/** A supervisor's queue: every queued session, including those queued for groups. */
export const SupervisorQueue: Story = { loaders: [withClient({ user: 'supervisor' })] };

/** Nothing in the group. */
export const Empty: Story = { loaders: [withClient({ empty: true })] };

/** The client has not loaded yet. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The client could not load the user's state. */
export const LoadError: Story = { loaders: [withClient({ failing: { snapshot: true } })] };

/** Offline: the list keeps the last known sessions. */
export const Offline: Story = {
  args: { group: 'mine' },
  loaders: [withClient({ connection: 'offline' })],
};

/** 10,000 sessions: only the rows in view are rendered; scroll and use the keyboard. */
export const TenThousandSessions: Story = {
  args: { group: 'queue', height: '560px' },
  loaders: [withClient({ sessions: 10_000 })],
};

/** Thousands of the user's own sessions with unread badges. */
export const ThousandsOfMySessions: Story = {
  args: { group: 'mine' },
  loaders: [withClient({ sessions: 5_000 })],
};

/**
 * Very long names and previews, including words without a break opportunity: cut to one line
 * with an ellipsis, whole in their tooltips.
 */
export const LongText: Story = {
  args: { group: 'mine', selected: 'longText' },
  loaders: [withClient({ longText: true })],
};

/** A customer named in markup who sends scripts and tags: all shown literally. */
export const MarkupFromCustomer: Story = { loaders: [withClient({ markup: true })] };

/** The Website Help Desk (web only) as Elena sees it. */
export const HelpDesk: Story = {
  args: { 'live-chat-id': SEED_LIVE_CHATS.helpDesk, group: 'queue' },
  loaders: [withClient({ user: 'helpDeskOperator' })],
};

/** A narrow side panel (360 px wide is the smallest supported container). */
export const NarrowPanel: Story = {
  render: (args, { loaded }) =>
    html`<live-chat-session-list
      .client=${fixtureOf(loaded).client}
      live-chat-id=${args['live-chat-id']}
      group="mine"
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:360px;height:320px;--live-chat-session-list-row-height:56px"
    ></live-chat-session-list>`,
};

export const Dark: Story = { ...DARK, args: { group: 'mine', selected: 'mine' } };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { group: 'closed' } };
