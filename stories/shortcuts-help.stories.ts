import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { LiveChatWorkspace, ShortcutsSetting } from '@live-chat/elements';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { DARK, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface HelpArgs extends ToolbarArgs {
  /** The workspace's `shortcuts` property. */
  shortcuts: ShortcutsSetting;
}

/** Opens the help the way `?` does, once the workspace is on the page. */
async function openHelp({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const workspace = canvasElement.querySelector<LiveChatWorkspace>('live-chat-workspace');
  await workspace?.updateComplete;
  await workspace?.openShortcutsHelp();
}

const meta: Meta<HelpArgs> = {
  title: 'Components/Shortcuts help',
  component: 'live-chat-shortcuts-help',
  args: { shortcuts: true },
  loaders: [withClient()],
  render: (args, { loaded }) =>
    html`<live-chat-workspace
      no-alerts
      idle-away-ms="0"
      .client=${fixtureOf(loaded).client}
      .shortcuts=${args.shortcuts}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;height:100vh"
    ></live-chat-workspace>`,
  play: openHelp,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<HelpArgs>;

/** The `?` help: every shortcut with its keys, and the setting that turns them off. */
export const Help: Story = {};

/** Keys remapped by the application (`shortcuts = { close: 'Alt+Shift+K', 'take-next': 'Alt+Shift+J' }`). */
export const Remapped: Story = {
  args: { shortcuts: { close: 'Alt+Shift+K', 'take-next': 'Alt+Shift+J' } },
};

/** Shortcuts turned off by the application (`shortcuts = false`): listed as Off, no key fires. */
export const ShortcutsOff: Story = { args: { shortcuts: false } };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
