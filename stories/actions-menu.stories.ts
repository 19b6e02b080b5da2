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
  title: 'Components/About session parts/Actions menu',
  component: 'live-chat-actions-menu',
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
    return html`<live-chat-actions-menu
      .client=${fixture.client}
      session-id=${ifDefined(pickSession(fixture, args.session))}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:340px;max-width:100%;padding:12px"
    ></live-chat-actions-menu>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          "A part of `<live-chat-about-session>`, usable alone with a `client` and a `session-id`: the +Actions menu button of the host's actions (`client.registerAction`), with the outcome of the last one. Shows nothing while no action is registered.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<PartArgs>;

/** The host registered actions: open the menu with the button, Enter or ArrowDown. */
export const Default: Story = { loaders: [withClient({ binders: true })] };

/** A closed session: +Actions is disabled, described by the reason. */
export const ClosedOperatorCannotAct: Story = {
  args: { session: 'closed' },
  loaders: [withClient({ binders: true })],
};

/** No action registered: the part shows nothing. */
export const NoActions: Story = {};

export const Dark: Story = { ...DARK, loaders: [withClient({ binders: true })] };
export const Russian: Story = { ...RUSSIAN, loaders: [withClient({ binders: true })] };
