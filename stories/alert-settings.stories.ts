import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './support/elements.js';
import type { AlertsEnvironment } from '@live-chat/elements';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

type Permission = NotificationPermission | 'unsupported';

interface AlertSettingsArgs extends ToolbarArgs {
  'heading-level': number;
  /** Story: what the browser answers about desktop notifications. */
  permission: Permission;
  /** Story: the settings stored before the story opens. */
  stored: { sound: boolean; desktop: boolean; titleBadge: boolean };
}

/**
 * A browser environment for the story: settings kept in memory (so stories never share or
 * keep what you toggle), a Notification API answering `permission`, and no audio.
 */
function storyEnvironment(
  permission: Permission,
  stored: AlertSettingsArgs['stored'],
): Partial<AlertsEnvironment> {
  const values = new Map<string, string>();
  const storage = {
    getItem: (key: string) => values.get(key) ?? JSON.stringify(stored),
    setItem: (key: string, value: string) => void values.set(key, value),
  };
  class StoryNotification {
    static permission: NotificationPermission =
      permission === 'unsupported' ? 'default' : permission;
    static async requestPermission(): Promise<NotificationPermission> {
      if (StoryNotification.permission === 'default') StoryNotification.permission = 'granted';
      return StoryNotification.permission;
    }
    onclick: ((event: Event) => unknown) | null = null;
    close(): void {}
  }
  return {
    storage,
    Notification: permission === 'unsupported' ? undefined : StoryNotification,
    createAudioContext: undefined,
  };
}

const meta: Meta<AlertSettingsArgs> = {
  title: 'Components/Alert settings',
  component: 'live-chat-alert-settings',
  args: {
    'heading-level': 2,
    permission: 'default',
    stored: { sound: true, desktop: false, titleBadge: true },
  },
  argTypes: {
    'heading-level': { control: { type: 'number', min: 0, max: 6 } },
    permission: {
      control: 'inline-radio',
      options: ['default', 'granted', 'denied', 'unsupported'],
      description: "Story: the browser's answer about desktop notifications",
    },
    stored: { control: 'object', description: 'Story: the settings stored before the story opens' },
  },
  render: (args) =>
    html`<live-chat-alert-settings
      .environment=${storyEnvironment(args.permission, args.stored)}
      heading-level=${args['heading-level']}
      theme=${args.theme}
      locale=${args.locale}
      style="display:block;width:360px;max-width:100%"
    ></live-chat-alert-settings>`,
};
export default meta;

type Story = StoryObj<AlertSettingsArgs>;

/** The defaults: sound and title badge on, desktop notifications off (asked on first switch-on). */
export const Defaults: Story = {};

/** Everything on, notifications allowed. */
export const AllOn: Story = {
  args: { permission: 'granted', stored: { sound: true, desktop: true, titleBadge: true } },
};

/** Everything off. */
export const AllOff: Story = {
  args: { stored: { sound: false, desktop: false, titleBadge: false } },
};

/** The browser blocked notifications: the switch stays off and says so. */
export const NotificationsBlocked: Story = { args: { permission: 'denied' } };

/** A browser without desktop notifications. */
export const NotificationsUnsupported: Story = { args: { permission: 'unsupported' } };

/** Inside a popover that names it (no heading). */
export const WithoutHeading: Story = { args: { 'heading-level': 0 } };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { permission: 'denied' } };
