import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import { SEED_LIVE_CHATS } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface ReportsArgs extends ToolbarArgs {
  report: 'operators-performance' | 'live-chat-performance';
  'live-chat-id': string;
  from: string;
  to: string;
}

const meta: Meta<ReportsArgs> = {
  title: 'Components/Reports',
  component: 'live-chat-reports',
  // The stories' clock reads 18 March 2026 (see stories/support/story-clock.ts); the seed
  // history lies in the five days before it.
  args: {
    report: 'operators-performance',
    'live-chat-id': SEED_LIVE_CHATS.support,
    from: '',
    to: '',
  },
  argTypes: {
    report: {
      control: 'inline-radio',
      options: ['operators-performance', 'live-chat-performance'],
    },
    'live-chat-id': LIVE_CHAT_CONTROL,
    from: { control: 'text', description: 'First day, YYYY-MM-DD (empty: six days before `to`)' },
    to: { control: 'text', description: 'Last day, YYYY-MM-DD (empty: today)' },
  },
  loaders: [withClient({ user: 'supervisor' })],
  render: (args, { loaded }) =>
    html`<live-chat-reports
      .client=${fixtureOf(loaded).client}
      report=${args.report}
      live-chat-id=${args['live-chat-id']}
      from=${ifDefined(args.from || undefined)}
      to=${ifDefined(args.to || undefined)}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:960px;max-width:100%"
    ></live-chat-reports>`,
};
export default meta;

type Story = StoryObj<ReportsArgs>;

/** Operators' performance for the last seven days, as the supervisor sees it. */
export const OperatorsPerformance: Story = {};

/** Live chat performance: requests per day as a chart (with its data table), the other figures beside it. */
export const LiveChatPerformance: Story = { args: { report: 'live-chat-performance' } };

/** The Website Help Desk. */
export const HelpDesk: Story = {
  args: { report: 'live-chat-performance', 'live-chat-id': SEED_LIVE_CHATS.helpDesk },
};

/** An operator reports only on the live chats they belong to. */
export const AsOperator: Story = { loaders: [withClient({ user: 'operator' })] };

/** A month of 5,000 generated sessions. */
export const ManySessions: Story = {
  args: { report: 'live-chat-performance', from: '2026-02-17', to: '2026-03-18' },
  loaders: [withClient({ user: 'supervisor', sessions: 5_000 })],
};

/** A period with no activity at all. */
export const EmptyPeriod: Story = { args: { from: '2025-01-01', to: '2025-01-07' } };

/** A backend with no history. */
export const NoData: Story = {
  args: { report: 'live-chat-performance' },
  loaders: [withClient({ user: 'supervisor', empty: true })],
};

/** An invalid period (the last day before the first). */
export const InvalidPeriod: Story = { args: { from: '2026-03-18', to: '2026-03-01' } };

/** The report is being computed (the request never answers in this story). */
export const Loading: Story = {
  loaders: [withClient({ user: 'supervisor', hanging: { reports: true } })],
};

/** The report could not be computed: error with Retry. */
export const ReportError: Story = {
  loaders: [withClient({ user: 'supervisor', failing: { reports: true } })],
};

/** Offline. */
export const Offline: Story = {
  loaders: [withClient({ user: 'supervisor', connection: 'offline' })],
};

/** The client could not load the user's state. */
export const LoadError: Story = {
  loaders: [withClient({ user: 'supervisor', failing: { snapshot: true } })],
};

export const Dark: Story = { ...DARK, args: { report: 'live-chat-performance' } };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { report: 'live-chat-performance' } };
