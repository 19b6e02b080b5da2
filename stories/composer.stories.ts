import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { of } from 'rxjs';
import { MAX_MESSAGE_LENGTH, type LiveChatClient } from '@live-chat/core';
import type { LiveChatComposer } from '@live-chat/elements';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { pickSession, sessionControl, type SessionArgs } from './support/session-pick.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface ComposerArgs extends SessionArgs {
  /** Story: a draft already in the composer. */
  draft: string;
}

/** The story's client with some members replaced: states the seed data does not reach. */
function withOverrides(client: LiveChatClient, overrides: Partial<LiveChatClient>): LiveChatClient {
  return new Proxy(client, {
    get(target, key) {
      if (key in overrides) return overrides[key as keyof LiveChatClient];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

type Overrides = (client: LiveChatClient) => Partial<LiveChatClient>;

function renderComposer(
  args: ComposerArgs,
  loaded: Record<string, unknown>,
  overrides?: Overrides,
) {
  const fixture = fixtureOf(loaded);
  const sessionId = pickSession(fixture, args.session);
  const client = overrides
    ? withOverrides(fixture.client, overrides(fixture.client))
    : fixture.client;
  const drafts = new Map<string, string>(sessionId && args.draft ? [[sessionId, args.draft]] : []);
  return html`<live-chat-composer
    .client=${client}
    .drafts=${drafts}
    session-id=${ifDefined(sessionId)}
    theme=${args.theme}
    locale=${args.locale}
    style="display:block;width:640px;max-width:100%"
  ></live-chat-composer>`;
}

/** Sends the composer's draft from the story, once the composer is ready. */
async function sendDraft({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const composer = canvasElement.querySelector<LiveChatComposer>('live-chat-composer');
  if (!composer) return;
  for (let tries = 0; tries < 50 && !composer.acceptsInput; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await composer.send();
}

const meta: Meta<ComposerArgs> = {
  title: 'Components/Composer',
  component: 'live-chat-composer',
  args: { session: 'mine', draft: '' },
  argTypes: {
    session: sessionControl('the session replied in'),
    draft: { control: 'text', description: 'Story: a draft already in the composer' },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => renderComposer(args, loaded),
  parameters: {
    docs: {
      description: {
        component:
          'The reply box of one session, as `<live-chat-conversation>` shows it under the history: Enter sends, Shift+Enter adds a line. It fires `live-chat-send` (cancelable) and sends through the client; a failed send stays in the conversation with Retry and Discard.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ComposerArgs>;

/**
 * Switches the story's composer to `mode` (Note by default) and types `text` (an `@` opens the
 * mention suggestions, a `/` the canned replies).
 */
function writeNote(text = '', mode: 'reply' | 'note' = 'note') {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const composer = canvasElement.querySelector<LiveChatComposer>('live-chat-composer');
    if (!composer) return;
    for (let tries = 0; tries < 50 && !composer.acceptsInput; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    composer.mode = mode;
    await composer.updateComplete;
    const input = composer.shadowRoot?.querySelector('textarea');
    if (!input || !text) return;
    input.focus();
    input.value = text;
    input.setSelectionRange(text.length, text.length);
    input.dispatchEvent(new Event('input'));
  };
}

/** An active session of the user's: ready to write. */
export const MySession: Story = {};

/** A queued session: replying takes it. */
export const Queued: Story = { args: { session: 'queued' } };

/** Note mode on a queued session: it looks different, says only colleagues see it, and takes nothing. */
export const NoteMode: Story = { args: { session: 'queued' }, play: writeNote() };

/** Typing `@` in a note: the colleagues of the live chat to mention. */
export const MentionSuggestions: Story = { play: writeNote('Could you check this, @') };

/** No colleague matches what follows the `@`. */
export const MentionNoMatch: Story = { play: writeNote('Ask @zzz') };

/** Typing `/` in a reply: the canned replies of the live chat and the user's own, with badges. */
export const CannedReplies: Story = { play: writeNote('/', 'reply') };

/** `/ref`: the fuzzy search narrows the list; Enter or Tab would insert the highlighted reply. */
export const CannedSearch: Story = { play: writeNote('Sure. /ref', 'reply') };

/** No canned reply matches what follows the `/`. */
export const CannedNoMatch: Story = { play: writeNote('/zzz', 'reply') };

/** A draft close to the limit: the count appears. */
export const NearTheLimit: Story = {
  args: { draft: 'Thanks for waiting. '.repeat(Math.ceil((MAX_MESSAGE_LENGTH - 150) / 20)) },
};

/** A draft over the limit: the count says by how much, and the field is invalid. */
export const OverTheLimit: Story = {
  args: { draft: 'x'.repeat(MAX_MESSAGE_LENGTH + 12) },
};

/** Send with nothing written: the validation error under the field. */
export const EmptySend: Story = { play: sendDraft };

/** A send the backend refused before any message was shown: the text is back, with the error. */
export const SendRefused: Story = {
  args: { draft: 'Your refund has been approved.' },
  render: (args, { loaded }) =>
    renderComposer(args, loaded, () => ({
      send: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'You are not allowed to reply here.' },
        }),
    })),
  play: sendDraft,
};

/** Offline: messages sent now will fail and wait for Retry. */
export const Offline: Story = { loaders: [withClient({ connection: 'offline' })] };

/** A session the user may read but not answer. */
export const ReadOnly: Story = {
  render: (args, { loaded }) => renderComposer(args, loaded, () => ({ canActOn: () => false })),
};

/** A closed session: a note replaces the form. */
export const Closed: Story = { args: { session: 'closed' } };

/** Unsent messages cannot be saved in this browser (the outbox storage failed). */
export const OutboxUnavailable: Story = {
  render: (args, { loaded }) =>
    renderComposer(args, loaded, () => ({ outboxStorage$: of('unavailable' as const) })),
};

/** No session: nothing to reply in. */
export const NoSession: Story = { args: { session: 'none' } };

export const Dark: Story = { ...DARK, args: { session: 'queued' } };
export const Russian: Story = { ...RUSSIAN, args: { draft: 'x'.repeat(MAX_MESSAGE_LENGTH + 3) } };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { session: 'queued' } };
/** The canned replies list in Russian. */
export const CannedRepliesRussian: Story = { ...RUSSIAN, play: writeNote('/', 'reply') };
