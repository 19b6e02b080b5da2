import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { of } from 'rxjs';
import { MAX_MESSAGE_LENGTH } from '@live-chat/core';
import type { LiveChatComposer } from '@live-chat/elements';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { fileOf, PAGE, PDF, SCREENSHOT, SVG } from './support/story-files.js';
import { onPickedSession, type SessionArgs } from './support/session-pick.js';
import { sessionStoryArgs } from './support/session-meta.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface ComposerArgs extends SessionArgs {
  /** Story: a draft already in the composer. */
  draft: string;
}

/** The composer of the picked session, with `args.draft` in it. */
const renderComposer = onPickedSession<ComposerArgs>((args, { client, sessionId }) => {
  const drafts = new Map<string, string>(sessionId && args.draft ? [[sessionId, args.draft]] : []);
  return html`<live-chat-composer
    .client=${client}
    .drafts=${drafts}
    session-id=${ifDefined(sessionId)}
    theme=${args.theme}
    locale=${args.locale}
    style="display:block;width:640px;max-width:100%"
  ></live-chat-composer>`;
});

/** The story's composer once it accepts input (or after a second, whatever it shows). */
async function readyComposer(canvasElement: HTMLElement): Promise<LiveChatComposer | null> {
  const composer = canvasElement.querySelector<LiveChatComposer>('live-chat-composer');
  for (let tries = 0; tries < 50 && composer && !composer.acceptsInput; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return composer;
}

/** Sends the composer's draft from the story, once the composer is ready. */
async function sendDraft({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await (await readyComposer(canvasElement))?.send();
}

const meta: Meta<ComposerArgs> = {
  title: 'Components/Composer',
  component: 'live-chat-composer',
  ...sessionStoryArgs<ComposerArgs>('mine', 'the session replied in', {
    draft: ['', 'Story: a draft already in the composer'],
  }),
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
    const composer = await readyComposer(canvasElement);
    if (!composer) return;
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

// ── Attachments ──────────────────────────────────────────────────────────────────────────────

/**
 * Picks `files` in the story's composer, as the file dialog hands them over; then, with
 * `send`, presses Send.
 */
function attach(files: Array<[name: string, bytes: Uint8Array]>, send = false) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const composer = await readyComposer(canvasElement);
    const input = composer?.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]');
    if (!composer || !input) return;
    const transfer = new DataTransfer();
    for (const [name, bytes] of files) transfer.items.add(fileOf(name, bytes));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    if (send) await composer.send();
  };
}

/** A screenshot and a PDF, uploaded: ready to send, with or without text. */
export const FilesReady: Story = {
  play: attach([
    ['screenshot.png', SCREENSHOT],
    ['invoice-2026-11.pdf', PDF],
  ]),
};

/** Files still uploading (the upload never ends here): Send waits, and says so. */
export const FilesUploading: Story = {
  render: (args, { loaded }) =>
    renderComposer(args, loaded, () => ({ upload: () => new Promise(() => undefined) })),
  play: attach([['screenshot.png', SCREENSHOT]], true),
};

/** An SVG, and a web page named cat.png: refused for their type, read from their bytes. */
export const FileTypeRefused: Story = {
  play: attach([
    ['logo.svg', SVG],
    ['cat.png', PAGE],
  ]),
};

/** A file over the size limit: refused before it is read. */
export const FileTooLarge: Story = {
  play: attach([['recording.zip', new Uint8Array(10 * 1024 * 1024 + 1)]]),
};

/** An empty file. */
export const FileEmpty: Story = { play: attach([['notes.txt', new Uint8Array(0)]]) };

/** Offline: the file is not uploaded. */
export const FileOffline: Story = {
  loaders: [withClient({ connection: 'offline' })],
  play: attach([['invoice.pdf', PDF]]),
};

/** Six files where a message carries five: the sixth is refused. */
export const TooManyFiles: Story = {
  play: attach([1, 2, 3, 4, 5, 6].map((n) => [`page-${n}.pdf`, PDF] as [string, Uint8Array])),
};

/** Files dragged over the composer: its frame and "Drop files to attach them". */
export const DroppingFiles: Story = {
  play: async ({ canvasElement }) => {
    const composer = await readyComposer(canvasElement);
    const transfer = new DataTransfer();
    transfer.items.add(fileOf('screenshot.png', SCREENSHOT));
    composer?.shadowRoot
      ?.querySelector('textarea')
      ?.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
  },
};

/** A backend that takes no files (`client.attachmentPolicy` undefined): no Attach files. */
export const NoFilesBackend: Story = {
  render: (args, { loaded }) =>
    renderComposer(args, loaded, () => ({ attachmentPolicy: undefined })),
};

/** Files ready and refused, in Russian. */
export const FilesRussian: Story = {
  ...RUSSIAN,
  play: attach([
    ['снимок.png', SCREENSHOT],
    ['logo.svg', SVG],
  ]),
};
