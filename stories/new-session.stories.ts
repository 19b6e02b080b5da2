import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { userEvent } from 'storybook/test';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { LIVE_CHAT_CONTROL } from './support/live-chat-controls.js';
import { SEED_LIVE_CHATS } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

interface NewSessionArgs extends ToolbarArgs {
  'live-chat-id': string;
  /** Story: open the dialog when the story renders (else press the button). */
  open: boolean;
}

type PlayContext = { args: NewSessionArgs; canvasElement: HTMLElement };

/** The dialog element of the story. */
function dialogOf(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector('live-chat-new-session');
  if (!element) throw new Error('live-chat-new-session is not rendered');
  return element;
}

async function openDialog({ args, canvasElement }: PlayContext): Promise<void> {
  if (!args.open) return;
  const element = dialogOf(canvasElement);
  await element.updateComplete;
  await element.show();
}

/** Waits (up to 5 s) until the customer search is no longer running. */
async function searchDone(canvasElement: HTMLElement): Promise<void> {
  const element = dialogOf(canvasElement);
  await element.updateComplete;
  const list = () => element.shadowRoot?.querySelector('[part~="customers"]');
  for (let waited = 0; waited < 5_000 && list()?.getAttribute('aria-busy') !== 'false';) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    waited += 50;
  }
}

/** Opens the dialog, picks the first customer matching `query`, writes a first message and presses Start. */
function fillAndStart(query: string) {
  return async (context: PlayContext) => {
    await openDialog(context);
    const root = dialogOf(context.canvasElement).shadowRoot;
    const search = root?.querySelector<HTMLInputElement>('input[type="search"]');
    if (search) await userEvent.type(search, query, { delay: 0 });
    await searchDone(context.canvasElement);
    const customer = root?.querySelector<HTMLInputElement>('[part~="customer"] input');
    if (customer) await userEvent.click(customer);
    const message = root?.querySelector<HTMLTextAreaElement>('textarea');
    if (message)
      await userEvent.type(message, 'Hello! Your replacement has shipped today.', { delay: 0 });
    const submit = root?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) await userEvent.click(submit);
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
}

const meta: Meta<NewSessionArgs> = {
  title: 'Components/New session',
  component: 'live-chat-new-session',
  args: { 'live-chat-id': SEED_LIVE_CHATS.support, open: true },
  argTypes: {
    'live-chat-id': LIVE_CHAT_CONTROL,
    open: { control: 'boolean', description: 'Story: open the dialog when the story renders' },
  },
  loaders: [withClient()],
  render: (args, { loaded }) =>
    html`<button
        type="button"
        style="font:inherit;padding:6px 14px;border-radius:8px;border:1px solid #8a93a5;background:transparent;color:inherit"
        @click=${(event: Event) =>
          (
            (event.currentTarget as HTMLElement)
              .nextElementSibling as HTMLElementTagNameMap['live-chat-new-session']
          ).show()}
      >
        + New Session
      </button>
      <live-chat-new-session
        .client=${fixtureOf(loaded).client}
        live-chat-id=${args['live-chat-id']}
        theme=${args.theme}
        locale=${args.locale}
      ></live-chat-new-session>`,
  play: openDialog,
  parameters: {
    // A modal dialog needs room; in the docs page stories do not play, so press the button there.
    layout: 'padded',
    docs: { story: { height: '560px' } },
  },
};
export default meta;

type Story = StoryObj<NewSessionArgs>;

/** The dialog for Customer Support (web, Telegram, WhatsApp, email): pick a customer, a channel, a name and a first message. */
export const Open: Story = {};

/** Closed: the "+ New Session" button opens it; focus returns to the button when it closes. */
export const Closed: Story = { args: { open: false } };

/**
 * Thousands of customers to pick from: the backend is searched as you type, and the list shows
 * the first 50 matches.
 */
export const ManyCustomers: Story = { loaders: [withClient({ sessions: 5_000 })] };

/** A customer typed, picked and a first message written; the server refuses the start. */
export const StartFails: Story = {
  loaders: [withClient({ failing: { commands: true } })],
  play: fillAndStart('Olivia'),
};

/** Starting (the server does not answer in this story). */
export const Starting: Story = {
  loaders: [withClient({ hanging: { commands: true } })],
  play: fillAndStart('Olivia'),
};

/**
 * The customer search never answers in this story: the list says it is searching, until the
 * client gives up (its request timeout) and offers Try again.
 */
export const Searching: Story = { loaders: [withClient({ hanging: { customers: true } })] };

/** The customer search fails: the reason, and Try again. */
export const SearchFails: Story = { loaders: [withClient({ failing: { customers: true } })] };

/** Offline: the dialog says customers will be searched when the connection is back. */
export const Offline: Story = { loaders: [withClient({ connection: 'offline' })] };

/** The Website Help Desk has no messenger or email channel: no outbound session is possible there. */
export const LiveChatWithoutOutboundChannels: Story = {
  args: { 'live-chat-id': SEED_LIVE_CHATS.helpDesk },
  loaders: [withClient({ user: 'helpDeskOperator' })],
};

/** Customers with very long names. */
export const LongText: Story = {
  loaders: [withClient({ longText: true })],
  play: async (context) => {
    await openDialog(context);
    const search = dialogOf(context.canvasElement).shadowRoot?.querySelector<HTMLInputElement>(
      'input[type="search"]',
    );
    if (search) await userEvent.type(search, 'Maxi', { delay: 0 });
  },
};

/** A customer named in markup is listed literally. */
export const MarkupCustomer: Story = { loaders: [withClient({ markup: true })] };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN };
