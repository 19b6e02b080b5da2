import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionGroupKind } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient, type LoadedFixture } from './support/client-loader.js';
import { GROUP_CONTROL, LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import { pickSession, sessionControl, type SessionPick } from './support/session-pick.js';
import { SEED_LIVE_CHATS, type StoryFixture } from './support/story-backend.js';
import { TIME } from './support/story-clock.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface SessionListArgs extends ToolbarArgs {
  'live-chat-id': string;
  group: SessionGroupKind;
  /** Which session is selected (a story fixture pick, not an attribute). */
  selected: SessionPick;
  overscan: number;
  height: string;
  /** Lists only the sessions carrying this tag (`tag-filter`). */
  'tag-filter': string;
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
    'tag-filter': '',
  },
  argTypes: {
    'live-chat-id': LIVE_CHAT_CONTROL,
    group: GROUP_CONTROL,
    selected: sessionControl('the selected session', 'selected-session-id'),
    height: { control: 'text', description: 'Story frame: height of the list' },
    'tag-filter': {
      control: 'select',
      options: ['', 'tag-billing', 'tag-delivery', 'tag-bug', 'tag-vip'],
    },
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
      tag-filter=${ifDefined(args['tag-filter'] || undefined)}
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

/**
 * Customers are read on demand, for the rows in view only; in this story the reads never
 * answer, so every row shows its session's own name.
 */
export const CustomersLoading: Story = { loaders: [withClient({ hanging: { customers: true } })] };

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

// ── triage: tags, urgent, waiting ─────────────────────────────────────────────────────────────

/** The sessions waiting unassigned in Customer Support's queue, oldest first. */
const waitingInSupport = (fixture: StoryFixture) =>
  fixture.backend
    .sessions(SEED_LIVE_CHATS.support)
    .filter((session) => session.status === 'queued' && session.assignee === null)
    .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));

/** A loader of the story's client after `change` has acted on the queued sessions. */
function withQueue(
  change: (fixture: StoryFixture, queued: string[]) => void,
): () => Promise<LoadedFixture> {
  return async () => {
    const loaded = await withClient()();
    change(
      loaded.fixture,
      waitingInSupport(loaded.fixture).map((session) => session.id),
    );
    return loaded;
  };
}

let triageCommands = 0;
/** One command of the signed-in user on a session, through the backend. */
function run(fixture: StoryFixture, sessionId: string, command: Record<string, unknown>): void {
  fixture.backend.execute(fixture.userId, {
    ...command,
    commandId: `list-story-${++triageCommands}`,
    sessionId,
  } as never);
}

const triaged = withQueue((fixture, [first, second, third]) => {
  if (first)
    run(fixture, first, { type: 'session.tag', tagIds: ['tag-billing', 'tag-bug', 'tag-vip'] });
  if (second) run(fixture, second, { type: 'session.tag', tagIds: ['tag-delivery'] });
  if (third) {
    run(fixture, third, { type: 'session.tag', tagIds: ['tag-billing'] });
    run(fixture, third, { type: 'session.set-urgent', urgent: true });
  }
});

/** Tags on the rows (two chips, then a count; all in the tooltip), an urgent session first. */
export const TagsAndUrgent: Story = { loaders: [triaged] };

/** Filtered by Billing: only the sessions carrying it, and how many of the queue's. */
export const FilteredByTag: Story = { args: { 'tag-filter': 'tag-billing' }, loaders: [triaged] };

/** Filtered by a tag no session carries: says so, with a button that clears the filter. */
export const FilterWithNoMatch: Story = { args: { 'tag-filter': 'tag-vip' } };

/**
 * A loader of a client with no history, where one customer has waited `waitedMs` in the queue
 * (Customer Support: amber after 2 minutes, red after 5). The backend stamps the queue time with
 * the page's clock, set back for that one write.
 */
function withWaitingCustomer(waitedMs: number): () => Promise<LoadedFixture> {
  return async () => {
    const loaded = await withClient({ empty: true })();
    const { backend } = loaded.fixture;
    const customer = backend.addCustomer({
      kind: 'external',
      name: 'Wendy Waits',
      account: '@wendy',
      messenger: 'telegram',
    });
    const now = Date.now;
    Date.now = () => now() - waitedMs;
    try {
      if (customer.ok)
        backend.customerWrites({
          customerId: customer.value.id,
          liveChatId: SEED_LIVE_CHATS.support,
          channel: 'telegram',
          text: 'Hello, is anyone there?',
        });
    } finally {
      Date.now = now;
    }
    return loaded;
  };
}

/** A customer who has just started waiting: the time counts up every second. */
export const WaitingFresh: Story = { loaders: [withWaitingCustomer(20_000)] };

/** Waiting past the amber threshold (2 minutes): amber, an hourglass, "a long wait". */
export const WaitingAmber: Story = { loaders: [withWaitingCustomer(3 * TIME.MINUTE)] };

/** Waiting past the red threshold (5 minutes): red, a warning sign, "far too long". */
export const WaitingRed: Story = { loaders: [withWaitingCustomer(12 * TIME.MINUTE)] };
