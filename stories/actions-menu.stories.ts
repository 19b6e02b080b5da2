import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import type { SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Actions menu',
  ...aboutSessionPartMeta(
    'live-chat-actions-menu',
    "the +Actions menu button of the host's actions (`client.registerAction`), with the outcome of the last one. Shows nothing while no action is registered.",
    { binders: true },
  ),
};
export default meta;

/** The host registered actions: open the menu with the button, Enter or ArrowDown. */
export const Default: SessionStory = {};

/** A closed session: +Actions is disabled, described by the reason. */
export const ClosedOperatorCannotAct: SessionStory = { args: { session: 'closed' } };

/** No action registered: the part shows nothing. */
export const NoActions: SessionStory = { loaders: [withClient()] };

export const Dark: SessionStory = { ...DARK };
export const Russian: SessionStory = { ...RUSSIAN };
