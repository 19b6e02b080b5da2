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
  title: 'Components/About session parts/Binder panel',
  component: 'live-chat-binder-panel',
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
    return html`<live-chat-binder-panel
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;padding:12px"
    ></live-chat-binder-panel>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          "A part of `<live-chat-about-session>`, usable alone with a `client` and a `session-id`: the host's binders (`client.registerBinder`) with the records bound to the session, +Bind (search or create a record) and Unbind. Shows nothing while no binder is registered.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<PartArgs>;

/** The host registered binders; one record is bound already. */
export const Default: Story = { loaders: [withClient({ binders: true })] };

/** A closed session: +Bind and Unbind are disabled, described by the reason. */
export const ClosedOperatorCannotAct: Story = {
  args: { session: 'closed' },
  loaders: [withClient({ binders: true })],
};

/** Every command fails: the errors show in the binder. */
export const CommandsFail: Story = {
  loaders: [withClient({ binders: true, failing: { commands: true } })],
};

/** Long record labels. */
export const LongText: Story = {
  args: { session: 'longText' },
  loaders: [withClient({ binders: true, longText: true })],
};

/** No binder registered: the part shows nothing. */
export const NoBinders: Story = {};

export const Dark: Story = { ...DARK, loaders: [withClient({ binders: true })] };
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
