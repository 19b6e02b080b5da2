import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Availability } from '@live-chat/core';
import './support/elements.js';
import { withClient, withClientThen } from './support/client-loader.js';
import { clientComponentMeta } from './support/client-meta.js';
import type { StoryClientOptions } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

/** A loader whose user has `status` (set `auto`, as the idle workspace does, when asked). */
const withStatus = (status: Availability, auto = false, options: StoryClientOptions = {}) =>
  withClientThen(options, ({ client }) => client.setAvailability(status, { auto }));

const meta: Meta<ToolbarArgs> = {
  title: 'Components/Availability',
  ...clientComponentMeta('live-chat-availability'),
};
export default meta;

type Story = StoryObj<ToolbarArgs>;

/** The operator is online (everyone is, until they say otherwise). */
export const Online: Story = {};

/** Away, chosen by the operator: auto-away never undoes it. */
export const Away: Story = { loaders: [withStatus('away')] };

/** Offline, chosen by the operator. */
export const Offline: Story = { loaders: [withStatus('offline')] };

/** Away set by the workspace after the idle time: "Away (idle)", undone by the next activity. */
export const AutoAway: Story = { loaders: [withStatus('away', true)] };

/** The client is still loading: the picker waits, disabled. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The supervisor's own status. */
export const Supervisor: Story = { loaders: [withStatus('away', false, { user: 'supervisor' })] };

export const Dark: Story = { ...DARK, loaders: [withStatus('away', true)] };
export const Russian: Story = { ...RUSSIAN, loaders: [withStatus('away', true)] };
export const DarkRussian: Story = { ...DARK_RUSSIAN };
