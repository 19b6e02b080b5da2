import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface CounterArgs extends ToolbarArgs {
  kind: 'unread' | 'unassigned';
  'show-label': boolean;
  max: number;
}

const meta: Meta<CounterArgs> = {
  title: 'Components/Counter',
  component: 'live-chat-counter',
  args: { kind: 'unread', 'show-label': false, max: 99 },
  argTypes: {
    kind: { control: 'inline-radio', options: ['unread', 'unassigned'] },
    'show-label': { control: 'boolean' },
    max: { control: { type: 'number', min: 1 } },
  },
  loaders: [withClient()],
  render: (args, { loaded }) =>
    html`<live-chat-counter
      .client=${fixtureOf(loaded).client}
      kind=${args.kind}
      ?show-label=${args['show-label']}
      max=${ifDefined(args.max)}
      theme=${args.theme}
      locale=${args.locale}
    ></live-chat-counter>`,
  parameters: {
    docs: {
      description: {
        component:
          'The red counter (unread customer messages in my sessions) and the blue one (new unassigned sessions; a button that opens the oldest). Both have an accessible name.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<CounterArgs>;

/** The red and the blue counter side by side, with their labels. */
const bothCounters = (
  args: CounterArgs,
  loaded: Record<string, unknown>,
  max: number | undefined = undefined,
) => {
  const client = fixtureOf(loaded).client;
  return html`<div style="display:flex;gap:24px;align-items:center">
    ${(['unread', 'unassigned'] as const).map(
      (kind) =>
        html`<live-chat-counter
          .client=${client}
          kind=${kind}
          show-label
          max=${ifDefined(max)}
          theme=${args.theme}
          locale=${args.locale}
        ></live-chat-counter>`,
    )}
  </div>`;
};

/** Anna (operator) has unread messages in her sessions. */
export const Unread: Story = {};

/** New sessions wait in Anna's queues; click opens the oldest (see the Actions panel). */
export const Unassigned: Story = { args: { kind: 'unassigned' } };

/** Both counters with their text labels visible. */
export const WithLabels: Story = {
  render: (args, { loaded }) => bothCounters(args, loaded),
};

/** Nothing unread, nothing waiting: the red badge hides, the blue one is muted and disabled. */
export const Empty: Story = {
  loaders: [withClient({ empty: true })],
  render: (args, { loaded }) => bothCounters(args, loaded),
};

/** Thousands of sessions: the badge caps at `max` ("99+"), the label keeps the exact figure. */
export const ManySessions: Story = {
  loaders: [withClient({ sessions: 3000 })],
  render: (args, { loaded }) => bothCounters(args, loaded, args.max),
};

/** A supervisor sees every queued session of the live chats they supervise. */
export const Supervisor: Story = {
  args: { kind: 'unassigned', 'show-label': true },
  loaders: [withClient({ user: 'supervisor' })],
};

/** Before the first snapshot arrives. */
export const Loading: Story = {
  args: { 'show-label': true },
  loaders: [withClient({ loading: true })],
};

/** Offline: the counters keep the last known figures. */
export const Offline: Story = {
  args: { kind: 'unassigned', 'show-label': true },
  loaders: [withClient({ connection: 'offline' })],
};

/** Used alone, without a client. */
export const WithoutClient: Story = {
  args: { 'show-label': true },
  render: (args) =>
    html`<live-chat-counter
      kind=${args.kind}
      ?show-label=${args['show-label']}
      theme=${args.theme}
      locale=${args.locale}
    ></live-chat-counter>`,
};

/** On a workspace icon button, as the reference product shows the red counter. */
export const OnAnIcon: Story = {
  render: (args, { loaded }) =>
    html`<button
      type="button"
      style="position:relative;width:44px;height:44px;border-radius:12px;border:1px solid #8a93a5;background:transparent;color:inherit"
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <path d="M4 5h16v11H8l-4 4z" fill="none" stroke="currentColor" stroke-width="1.8" />
      </svg>
      <live-chat-counter
        .client=${fixtureOf(loaded).client}
        kind="unread"
        theme=${args.theme}
        locale=${args.locale}
        style="position:absolute;top:-6px;right:-6px"
      ></live-chat-counter>
    </button>`,
};

export const Dark: Story = { ...DARK, args: { 'show-label': true } };
export const Russian: Story = { ...RUSSIAN, args: { kind: 'unassigned', 'show-label': true } };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { 'show-label': true } };
