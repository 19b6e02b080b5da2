import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionGroupKind } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { GROUP_CONTROL, LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import {
  pickSession,
  sessionControl,
  showingSession,
  type SessionArgs,
} from './support/session-pick.js';
import {
  connectAnother,
  customerWritesIn,
  SEED_LIVE_CHATS,
  type StoryFixture,
} from './support/story-backend.js';
import { clickOnceShown, focusOnceShown } from './support/story-play.js';
import { MARKUP_MESSAGES } from './support/texts.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface WorkspaceArgs extends SessionArgs {
  view: 'default' | 'reports' | 'group';
  'live-chat-id': string;
  group: SessionGroupKind;
  'no-alerts': boolean;
  /** Story frame: the container's width (the layout follows the workspace's own width). */
  width: string;
  height: string;
}

function workspace(
  args: WorkspaceArgs,
  fixture: StoryFixture,
  content: unknown = nothing,
  label?: string,
) {
  const isGroup = args.view === 'group';
  return html`<live-chat-workspace
    .client=${fixture.client}
    label=${ifDefined(label)}
    session-id=${ifDefined(pickSession(fixture, args.session))}
    view=${ifDefined(args.view === 'default' ? undefined : args.view)}
    live-chat-id=${ifDefined(isGroup ? args['live-chat-id'] : undefined)}
    group=${ifDefined(isGroup ? args.group : undefined)}
    ?no-alerts=${args['no-alerts']}
    theme=${args.theme}
    locale=${args.locale}
    style="display:block;width:${args.width};max-width:100%;height:${args.height}"
    >${content}</live-chat-workspace
  >`;
}

const meta: Meta<WorkspaceArgs> = {
  title: 'Workspace',
  component: 'live-chat-workspace',
  args: {
    session: 'mine',
    view: 'group',
    'live-chat-id': SEED_LIVE_CHATS.support,
    group: 'mine',
    'no-alerts': true,
    width: '100%',
    height: '100vh',
  },
  argTypes: {
    session: sessionControl('the open session'),
    view: { control: 'inline-radio', options: ['default', 'reports', 'group'] },
    'live-chat-id': LIVE_CHAT_CONTROL,
    group: GROUP_CONTROL,
    width: { control: 'text', description: 'Story frame: width of the container' },
    height: { control: 'text', description: 'Story frame: height of the container' },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => workspace(args, fixtureOf(loaded)),
  parameters: {
    layout: 'fullscreen',
    docs: { story: { inline: false, height: '720px' } },
  },
};
export default meta;

type Story = StoryObj<WorkspaceArgs>;

/** Anna (operator) at work: her session open, My sessions selected, counters, about pane. */
export const Operator: Story = {};

/** Maria (supervisor): Active groups, another operator's session open. */
export const Supervisor: Story = {
  args: { session: 'othersActive', group: 'active' },
  loaders: [withClient({ user: 'supervisor' })],
};

/** A queued session open: Take, or reply to take it. */
export const QueuedSessionOpen: Story = { args: { session: 'queued', group: 'queue' } };

/** A closed session open: history kept; the operator cannot act on it. */
export const ClosedSessionOpen: Story = { args: { session: 'closed', group: 'closed' } };

/** Fresh start: the default selection (first live chat's Queue) and nothing open. */
export const NothingOpen: Story = { args: { session: 'none', view: 'default' } };

/** The Reports view in the centre pane. */
export const Reports: Story = {
  args: { session: 'none', view: 'reports' },
  loaders: [withClient({ user: 'supervisor' })],
};

/** The host registered binders, actions and a customer database. */
export const WithHostExtensions: Story = { loaders: [withClient({ binders: true })] };

/** A brand-new contact centre: no sessions at all. */
export const Empty: Story = {
  args: { session: 'none', group: 'queue' },
  loaders: [withClient({ empty: true })],
};

/** Loading the user's state. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The user's state could not be loaded. */
export const LoadError: Story = { loaders: [withClient({ failing: { snapshot: true } })] };

/** A slow network (600 ms per request, response and event batch): loading states show on the way. */
export const SlowNetwork: Story = { loaders: [withClient({ latencyMs: 600 })] };

/** Offline: banner, composer warning, last known data. */
export const Offline: Story = { loaders: [withClient({ connection: 'offline' })] };

/** Reconnecting. */
export const Reconnecting: Story = { loaders: [withClient({ connection: 'reconnecting' })] };

/** Every request fails after loading (send a message to see it fail). */
export const RequestsFail: Story = { loaders: [withClient({ failing: true })] };

/** 5,000 sessions. */
export const ThousandsOfSessions: Story = {
  args: { group: 'queue', session: 'queued' },
  loaders: [withClient({ user: 'supervisor', sessions: 5_000 })],
};

/** A session with 1,000 messages open. */
export const LongHistory: Story = showingSession('longHistory');

/** Long names, unbroken words and URLs everywhere. */
export const LongText: Story = showingSession('longText');

/** A customer named in markup who sends markup: everything shown literally, nothing runs. */
export const MarkupFromCustomer: Story = {
  args: { session: 'markup', group: 'queue' },
  loaders: [withClient({ markup: true })],
};

/** The medium layout (800 px): the about pane becomes a drawer. */
export const Medium: Story = {
  args: { width: '800px', height: '720px' },
  parameters: { layout: 'padded' },
};

/** The narrow layout (360 px side panel): one pane at a time with back buttons. */
export const Narrow: Story = {
  args: { width: '360px', height: '640px' },
  parameters: { layout: 'padded' },
};

/** Narrow with nothing open: the session list pane. */
export const NarrowList: Story = {
  args: { width: '360px', height: '640px', session: 'none', group: 'queue' },
  parameters: { layout: 'padded' },
};

/** The first skip link focused: new sessions, the reply, the list, the conversation, each with its shortcut. */
export const SkipLinks: Story = { play: focusOnceShown('[data-skip="counter"]') };

/** The Activity tab of the right pane, a session open. */
export const ActivityTab: Story = { play: clickOnceShown('#tab-activity') };

/** Close session asks first; Tab stays inside the dialog. */
export const CloseSessionDialog: Story = { play: clickOnceShown('[part~="close-button"]') };

/** The menu's New Session dialog. */
export const NewSessionDialog: Story = {
  args: { session: 'none', group: 'queue' },
  play: clickOnceShown('[part~="new-session"]'),
};

/** The alert settings behind the bell. */
export const AlertSettingsOpen: Story = { play: clickOnceShown('[part~="settings-button"]') };

/** Regions replaced through slots: the host's own header and counters. */
export const ReplacedRegions: Story = {
  render: (args, { loaded }) =>
    workspace(
      args,
      fixtureOf(loaded),
      html`<div slot="header" style="display:flex;align-items:center;gap:8px;font-weight:600">
          <span
            aria-hidden="true"
            style="display:inline-block;width:20px;height:20px;border-radius:6px;background:#7c3aed"
          ></span>
          Acme Support Desk
        </div>
        <div slot="counters" style="padding:8px 12px;font-size:13px">
          Host-provided counters area
        </div>`,
    ),
};

/** Alerts on (sound, notification, title badge as set in the gear popover); press the button to make a customer write. */
export const CustomerWritesIn: Story = {
  args: { 'no-alerts': false, height: 'calc(100vh - 48px)' },
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    let count = 0;
    const write = () => {
      const sessionId = fixture.sessions.mine ?? fixture.sessions.queued;
      if (sessionId)
        customerWritesIn(
          fixture,
          sessionId,
          `Message ${++count} from the customer, written just now.`,
        );
    };
    const newcomer = () => {
      const sessionId = fixture.sessions.queued;
      if (sessionId)
        customerWritesIn(
          fixture,
          sessionId,
          MARKUP_MESSAGES[count++ % MARKUP_MESSAGES.length] as string,
        );
    };
    return html`<div style="display:flex;gap:8px;padding:8px;height:48px;box-sizing:border-box">
        <button type="button" @click=${write}>The open session's customer writes</button>
        <button type="button" @click=${newcomer}>A queued customer writes markup</button>
      </div>
      ${workspace(args, fixture)}`;
  },
};

/** Two workspaces on one backend: Anna takes a session and it leaves Ben's queue. */
export const SideBySide: Story = {
  args: { session: 'none', group: 'queue' },
  loaders: [
    async () => {
      const loaded = await withClient()();
      const second = await connectAnother(loaded.fixture, 'operatorB');
      return { ...loaded, second };
    },
  ],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    const second = (loaded as { second: StoryFixture['client'] }).second;
    const half = { ...args, width: '50%' };
    return html`<div style="display:flex;gap:4px;height:${args.height}">
      ${workspace(half, fixture, nothing, 'Anna')}
      ${workspace(half, { ...fixture, client: second }, nothing, 'Ben')}
    </div>`;
  },
};

export const Dark: Story = { ...DARK };
export const DarkSupervisor: Story = {
  ...DARK,
  args: { session: 'othersActive', group: 'active' },
  loaders: [withClient({ user: 'supervisor', binders: true })],
};
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { session: 'none', view: 'reports' } };
