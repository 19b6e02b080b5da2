import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { SEED_USERS } from '@live-chat/adapters';
import './support/elements.js';
import { withClient, withClientThen } from './support/client-loader.js';
import { clientComponentMeta } from './support/client-meta.js';
import type { StoryClientOptions } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

/** The supervisor's client, with Ben away (chosen), Chloe away (idle) and David offline. */
const TEAM = [
  [SEED_USERS.operatorB, 'away', false],
  [SEED_USERS.operatorC, 'away', true],
  [SEED_USERS.operatorD, 'offline', false],
] as const;
const withTeam = (options: StoryClientOptions = {}) =>
  withClientThen({ user: 'supervisor', ...options }, ({ backend }) => {
    for (const [userId, status, auto] of TEAM) {
      backend.execute(userId, { type: 'presence.set', commandId: `story-${userId}`, status, auto });
    }
  });

const meta: Meta<ToolbarArgs> = {
  title: 'Components/Monitor',
  ...clientComponentMeta('live-chat-monitor', {
    style: 'display:block;width:960px;max-width:100%',
    loader: withTeam(),
  }),
};
export default meta;

type Story = StoryObj<ToolbarArgs>;

/** Both live chats of the supervisor: who waits and how long, the active sessions, every operator's status and load. */
export const WithData: Story = {};

/** A busy day: thousands of sessions, most of them waiting. */
export const Busy: Story = { loaders: [withTeam({ sessions: 2_000 })] };

/** Nobody waits and nothing is active (a backend with no sessions). */
export const Empty: Story = { loaders: [withTeam({ empty: true })] };

/** An operator: only supervisors see the monitor. */
export const PermissionDenied: Story = { loaders: [withClient({ user: 'operator' })] };

/** The client is still loading. */
export const Loading: Story = { loaders: [withClient({ user: 'supervisor', loading: true })] };

/** The client could not load the user's state. */
export const LoadError: Story = {
  loaders: [withClient({ user: 'supervisor', failing: { snapshot: true } })],
};

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN };
