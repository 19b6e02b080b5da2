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
  title: 'Components/About session parts/Reassign form',
  component: 'live-chat-reassign-form',
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
    return html`<live-chat-reassign-form
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;padding:12px"
    ></live-chat-reassign-form>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          "A part of `<live-chat-about-session>`, usable alone with a `client` and a `session-id`: reassigns the session to an operator or a group among its live chat's reassignment targets, and fires `live-chat-session-reassigned`.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<PartArgs>;

/** Anna's active session: she may hand it to a colleague or a group. */
export const Default: Story = {};

/** A supervisor on another operator's session. */
export const Supervisor: Story = {
  args: { session: 'othersActive' },
  loaders: [withClient({ user: 'supervisor' })],
};

/** A queued session. */
export const Queued: Story = { args: { session: 'queued' } };

/** Reassigning fails: the error shows under the form. */
export const CommandsFail: Story = { loaders: [withClient({ failing: { commands: true } })] };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
