import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import {
  DARK,
  RUSSIAN,
  SESSION_PICKS,
  fixtureOf,
  pickSession,
  withClient,
  type SessionPick,
  type ToolbarArgs,
} from './support/story-helpers.js';

interface PartArgs extends ToolbarArgs {
  /** Which session is shown (a story fixture pick, set as `session-id`). */
  session: SessionPick;
}

const meta: Meta<PartArgs> = {
  title: 'Components/About session parts/Session header',
  component: 'live-chat-session-header',
  args: { session: 'mine' },
  argTypes: {
    session: {
      control: 'select',
      options: SESSION_PICKS,
      description: 'Story fixture: the session shown (`session-id`)',
    },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<live-chat-session-header
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;padding:12px"
    ></live-chat-session-header>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          "A part of `<live-chat-about-session>`, usable alone with a `client` and a `session-id`: the session's live chat, name (pencil to rename: Enter saves, Escape cancels), first message, status and assignee.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<PartArgs>;

/** Anna's active session: she may rename it. */
export const Default: Story = {};

/** A queued session (no assignee yet). */
export const Queued: Story = { args: { session: 'queued' } };

/** A session queued for an operator group (Ben is in the Accounting Department). */
export const QueuedForGroup: Story = {
  args: { session: 'groupQueued' },
  loaders: [withClient({ user: 'operatorB' })],
};

/** A closed session: the pencil is disabled, described by the reason. */
export const ClosedOperatorCannotAct: Story = { args: { session: 'closed' } };

/** Renaming fails: the error shows under the field. */
export const CommandsFail: Story = { loaders: [withClient({ failing: { commands: true } })] };

/** A very long session name. */
export const LongText: Story = {
  args: { session: 'longText' },
  loaders: [withClient({ longText: true })],
};

/** Nothing selected: the part shows nothing. */
export const NoSession: Story = { args: { session: 'none' } };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
