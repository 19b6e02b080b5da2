import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Alert, AlertBurst } from '@live-chat/core';
import type { AlertsController } from '@live-chat/elements';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { SEED_LIVE_CHATS, STORY_USERS } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

/** What the alerts controller hands over to the in-app alert in each story. */
type ToastKind = 'message' | 'burst' | 'withheld' | 'mention' | 'long' | 'markup';

interface AlertToastArgs extends ToolbarArgs {
  /** Story: the alerts that neither sound nor a desktop notification brought to the user. */
  kind: ToastKind;
}

const LONG = 'My order has not arrived and the tracking page shows nothing at all. '.repeat(6);

function alertOf(kind: ToastKind): Alert {
  const base: Alert = {
    id: `story-${kind}`,
    sessionId: 'story-session',
    liveChatId: SEED_LIVE_CHATS.support,
    messageId: 'story-message',
    customerName: 'Vera Quinn',
    preview: 'My parcel is late, can you check?',
    channel: 'telegram',
    at: Date.UTC(2026, 10, 25, 12),
  };
  switch (kind) {
    case 'withheld':
      return { ...base, customerName: undefined, preview: undefined };
    case 'mention':
      return {
        ...base,
        kind: 'mention',
        mentionedBy: STORY_USERS.operatorB,
        preview: '@Anna can you take this one?',
      };
    case 'long':
      return {
        ...base,
        customerName: 'Maximiliana Wolkenstein-Oberhausen '.repeat(3),
        preview: LONG,
      };
    case 'markup':
      return {
        ...base,
        customerName: '<img src=x onerror=alert(1)>',
        preview: '<b>bold?</b> {{customer.name}}',
      };
    default:
      return base;
  }
}

/**
 * What the in-app alert listens to: the workspace passes its `AlertsController`; here a stand-in
 * hands over the story's burst at once.
 */
function controllerFor(kind: ToastKind): AlertsController {
  const burst: AlertBurst = {
    liveChatId: SEED_LIVE_CHATS.support,
    count: kind === 'burst' ? 12 : 1,
    sessionCount: kind === 'burst' ? 12 : 1,
    latest: alertOf(kind),
  };
  return {
    onInAppAlert: (listener: (burst: AlertBurst) => void) => {
      queueMicrotask(() => listener(burst));
      return () => undefined;
    },
  } as unknown as AlertsController;
}

const meta: Meta<AlertToastArgs> = {
  title: 'Components/In-app alert',
  component: 'live-chat-alert-toast',
  args: { kind: 'message' },
  argTypes: {
    kind: {
      control: 'inline-radio',
      options: ['message', 'burst', 'withheld', 'mention', 'long', 'markup'],
      description: 'Story: what arrived while sound and desktop notifications were off',
    },
  },
  loaders: [withClient()],
  render: (args, { loaded }) =>
    html`<div style="position:relative;height:260px;width:420px;max-width:100%">
      <live-chat-alert-toast
        .client=${fixtureOf(loaded).client}
        .controller=${controllerFor(args.kind)}
        theme=${args.theme}
        locale=${args.locale}
      ></live-chat-alert-toast>
    </div>`,
};
export default meta;

type Story = StoryObj<AlertToastArgs>;

/** A customer's message: who wrote and what, with Open and Dismiss. */
export const Message: Story = {};

/** A burst of requests coalesced into one card, as the desktop notification would be. */
export const Burst: Story = { args: { kind: 'burst' } };

/** A message in a session the user may not open: only its live chat is named. */
export const Withheld: Story = { args: { kind: 'withheld' } };

/** A colleague's note mentioning the user. */
export const Mention: Story = { args: { kind: 'mention' } };

/** Very long names and messages are clamped to one line each. */
export const LongText: Story = { args: { kind: 'long' } };

/** A customer named in markup is shown literally. */
export const MarkupCustomer: Story = { args: { kind: 'markup' } };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { kind: 'burst' } };
