import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConnectionState } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface ConnectionStatusArgs extends ToolbarArgs {
  /** Story: the connection state the memory adapter simulates (`adapter.simulateConnection`). */
  connection: ConnectionState;
}

const meta: Meta<ConnectionStatusArgs> = {
  title: 'Components/Connection status',
  component: 'live-chat-connection-status',
  args: { connection: 'reconnecting' },
  argTypes: {
    connection: {
      control: 'inline-radio',
      options: ['connecting', 'online', 'reconnecting', 'offline', 'failed'],
      description: 'Story: simulated with `adapter.simulateConnection(state)`',
    },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    // Controls change the simulated state live.
    fixture.adapter.simulateConnection(args.connection);
    return html`<div style="width:640px;max-width:100%">
      <live-chat-connection-status
        .client=${fixture.client}
        theme=${args.theme}
        locale=${args.locale}
      ></live-chat-connection-status>
      <p style="margin:8px 0 0;font:13px system-ui;opacity:.75">
        The banner sits under the workspace header; it is empty (but still announced) while online.
      </p>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ConnectionStatusArgs>;

/** The connection dropped; the client is trying again. */
export const Reconnecting: Story = {};

/** No connection. */
export const Offline: Story = { args: { connection: 'offline' } };

/** The connection failed for good. */
export const Failed: Story = { args: { connection: 'failed' } };

/** Connecting for the first time. */
export const Connecting: Story = {
  args: { connection: 'connecting' },
  loaders: [withClient({ loading: true })],
};

/** Online: nothing is shown. */
export const Online: Story = { args: { connection: 'online' } };

/** The user's state could not be loaded: the error banner (`role="alert"`). */
export const LoadError: Story = {
  args: { connection: 'online' },
  loaders: [withClient({ failing: { snapshot: true } })],
};

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN, args: { connection: 'offline' } };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { connection: 'failed' } };
