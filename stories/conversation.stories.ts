import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { of } from 'rxjs';
import type { ClientResult } from '@live-chat/core';
import './support/elements.js';
import { fixtureOf, withClient, withClientThen } from './support/client-loader.js';
import { customerSendsFiles, PAGE, PDF, SCREENSHOT } from './support/story-files.js';
import { onPickedSession, showingSession, type SessionArgs } from './support/session-pick.js';
import { sessionStoryArgs } from './support/session-meta.js';
import { customerWritesIn, type StoryFixture } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface ConversationArgs extends SessionArgs {
  height: string;
}

/** The conversation of the picked session; with `overrides`, on a client with those members. */
const renderConversation = onPickedSession<ConversationArgs>((args, { client, sessionId }) => {
  return html`<live-chat-conversation
    .client=${client}
    session-id=${ifDefined(sessionId)}
    theme=${args.theme}
    locale=${args.locale}
    style="display:flex;flex-direction:column;width:720px;max-width:100%;height:${args.height}"
  ></live-chat-conversation>`;
});

const meta: Meta<ConversationArgs> = {
  title: 'Components/Conversation',
  component: 'live-chat-conversation',
  ...sessionStoryArgs<ConversationArgs>('mine', 'the session shown', {
    height: ['560px', 'Story frame: height of the pane'],
  }),
  render: (args, { loaded }) => renderConversation(args, loaded),
};
export default meta;

type Story = StoryObj<ConversationArgs>;

/** Sends a reply (or a private note) from the story, once the conversation is on screen. */
function sendFromStory(wait: boolean, note = false) {
  return async ({ loaded }: { loaded: Record<string, unknown> }) => {
    const fixture: StoryFixture = fixtureOf(loaded);
    const sessionId = fixture.sessions.mine;
    if (!sessionId) return;
    const sending = note
      ? fixture.client.send(sessionId, 'Checked the order: it left on Monday.', { note })
      : fixture.client.send(
          sessionId,
          'Thanks, I have asked the warehouse and will get back to you within the hour.',
        );
    if (wait) await sending;
  };
}

/** An active session of Anna's: history, unread customer messages, composer, Close session. */
export const MySession: Story = {};

/** A queued session: Take (replying takes it too). */
export const Queued: Story = { args: { session: 'queued' } };

/** A closed session: history kept, composer explains what happens if the customer writes again. */
export const Closed: Story = { args: { session: 'closed' } };

/** A supervisor looking at another operator's active session. */
export const SupervisorOnOthersSession: Story = showingSession('othersActive', {
  user: 'supervisor',
});

/** Nothing selected. */
export const NoSession: Story = { args: { session: 'none' } };

/** An id the user cannot see (or that does not exist). */
export const Unavailable: Story = { args: { session: 'unavailable' } };

/** 1,000 messages: older pages load as you scroll up, without the view jumping. */
export const LongHistory: Story = showingSession('longHistory');

/** Long paragraphs, an unbroken 240-character word, a 600-character URL and a 200-character name. */
export const LongText: Story = showingSession('longText');

/** Markup, scripts, `javascript:` links and styles from a customer: shown literally; only http(s) and mailto become links. */
export const MarkupFromCustomer: Story = showingSession('markup');

/** The client is still loading the user's state. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** The history is on its way (the request never answers in this story). */
export const HistoryLoading: Story = { loaders: [withClient({ hanging: { history: true } })] };

/** The history could not be loaded: the error with Retry. */
export const HistoryError: Story = { loaders: [withClient({ failing: { history: true } })] };

/** A reply on its way (the server does not answer in this story). */
export const Pending: Story = {
  loaders: [withClient({ hanging: { commands: true } })],
  play: sendFromStory(false),
};

/** A reply the server refused: Not sent, with Retry and Discard. */
export const SendFailed: Story = {
  loaders: [withClient({ failing: { commands: true } })],
  play: sendFromStory(true),
};

/** Sent while offline: "Not confirmed yet", retried with the same id until the deadline passes. */
export const NotConfirmedYet: Story = {
  loaders: [withClient({ connection: 'offline' })],
  play: sendFromStory(false),
};

/** Scrolled up while a customer writes: the position stays, and "New messages ↓" appears. */
export const NewMessagesWhileScrolledUp: Story = {
  args: { session: 'longHistory' },
  loaders: [withClient({ longHistory: 200 })],
  play: async ({ canvasElement, loaded }) => {
    const fixture: StoryFixture = fixtureOf(loaded);
    const sessionId = fixture.sessions.longHistory;
    const conversation = canvasElement.querySelector('live-chat-conversation');
    let log: HTMLElement | null | undefined;
    for (let tries = 0; tries < 100 && !log?.querySelector('article'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = conversation?.shadowRoot?.querySelector<HTMLElement>('[part~="log"]');
    }
    if (!log || !sessionId) return;
    // Halfway up: far from the top, so no older page loads.
    log.scrollTop = (log.scrollHeight - log.clientHeight) / 2;
    log.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    customerWritesIn(fixture, sessionId, 'Hello? Is anyone there?');
  },
};

/** Anna's private note to Ben in her session, beside the replies. */
function leaveNote(fixture: StoryFixture): void {
  const sessionId = fixture.sessions.mine;
  if (!sessionId) return;
  fixture.backend.execute(fixture.userId, {
    type: 'message.send',
    commandId: 'story-note',
    clientMessageId: 'story-note',
    sessionId,
    text: '@Ben Okafor the courier says the parcel is lost: can you start a claim?',
    internal: true,
    mentions: ['op-ben'],
  });
}

/**
 * The host registered binders: each sent message offers "Bind", shown on the message with focus
 * (here the newest; Up and Down move, Enter binds it) and on hover, never a Tab stop.
 */
export const BindAMessage: Story = {
  loaders: [withClient({ binders: true })],
  play: async ({ canvasElement }) => {
    const conversation = canvasElement.querySelector('live-chat-conversation');
    for (let tries = 0; tries < 100; tries++) {
      const messages = conversation?.shadowRoot?.querySelectorAll<HTMLElement>('article');
      const newest = messages?.[messages.length - 1];
      if (newest?.querySelector('[part~="bind-message-button"]')) {
        newest.focus();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  },
};

/** A private note in the history: labelled, its own colours, the mention marked. */
export const NoteInLog: Story = { loaders: [withClientThen({}, leaveNote)] };

/** A note on its way (the server does not answer). */
export const NotePending: Story = {
  loaders: [withClient({ hanging: { commands: true } })],
  play: sendFromStory(false, true),
};

/** A note the server refused: Not sent, with Retry and Discard. */
export const NoteFailed: Story = {
  loaders: [withClient({ failing: { commands: true } })],
  play: sendFromStory(true, true),
};

/** Ben handed his session to Anna with a note: it shows above the history. */
export const HandoverShown: Story = {
  args: { session: 'othersActive' },
  loaders: [
    withClientThen({ user: 'supervisor' }, (fixture) => {
      const sessionId = fixture.sessions.othersActive;
      const session = sessionId ? fixture.backend.getSession(sessionId) : undefined;
      if (!session || session.assignee?.kind !== 'operator') return;
      const from = session.assignee.operatorId;
      fixture.backend.execute(from, {
        type: 'session.reassign',
        commandId: 'story-handover',
        sessionId: session.id,
        target: { kind: 'operator', operatorId: from === 'op-ben' ? 'op-anna' : 'op-ben' },
        note: 'Call back after 5 pm: she prefers the phone.',
      });
    }),
  ],
};

/** Types a draft in the queued session, then Ben takes it; with `click`, Anna clicks Take too. */
function benTakesFirst(click: boolean) {
  return async ({
    canvasElement,
    loaded,
  }: {
    canvasElement: HTMLElement;
    loaded: Record<string, unknown>;
  }) => {
    const fixture: StoryFixture = fixtureOf(loaded);
    const sessionId = fixture.sessions.queued;
    const conversation = canvasElement.querySelector('live-chat-conversation');
    let input: HTMLTextAreaElement | null | undefined;
    for (let tries = 0; tries < 100 && !input; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      input = conversation?.shadowRoot
        ?.querySelector('live-chat-composer')
        ?.shadowRoot?.querySelector('textarea');
    }
    if (!input || !sessionId) return;
    input.value = 'Hello! I am looking at your order now.';
    input.dispatchEvent(new Event('input'));
    const take =
      conversation?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="take-button"]');
    fixture.backend.execute('op-ben', { type: 'session.take', commandId: 'story-ben', sessionId });
    if (click) take?.click();
  };
}

/** Anna lost the race to take: who took it, and her draft kept with Copy draft. */
export const TakeLost: Story = { args: { session: 'queued' }, play: benTakesFirst(true) };

/** The session left Anna's view while she was writing: her draft is kept. */
export const DraftKept: Story = { args: { session: 'queued' }, play: benTakesFirst(false) };

/** Offline: the composer warns that messages sent now will fail. */
export const Offline: Story = { loaders: [withClient({ connection: 'offline' })] };

/** Reconnecting: the conversation stays readable. */
export const Reconnecting: Story = { loaders: [withClient({ connection: 'reconnecting' })] };

/** A short pane, as in the narrow workspace layout. */
export const Compact: Story = {
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<live-chat-conversation
      .client=${fixture.client}
      session-id=${ifDefined(fixture.sessions.mine)}
      theme=${args.theme}
      locale=${args.locale}
      style="display:flex;flex-direction:column;width:360px;height:480px"
    ></live-chat-conversation>`;
  },
};

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { session: 'queued' } };

// ── Files and typing ─────────────────────────────────────────────────────────────────────────

/** A loader whose customer, in Anna's session, sends `files` with `text`. */
const customerSent = (files: Array<{ name: string; bytes: Uint8Array }>, text = '') =>
  withClientThen({}, (fixture) => customerSendsFiles(fixture, fixture.sessions.mine, files, text));

const screenshot = [{ name: 'error-dialog.png', bytes: SCREENSHOT }];

/** Each preview's download answered with `answer` (a failure, a page, or never). */
const downloads =
  (answer: () => Promise<ClientResult<Uint8Array>>) =>
  (args: ConversationArgs, { loaded }: { loaded: Record<string, unknown> }) =>
    renderConversation(args, loaded, () => ({ download: answer }));

/** A screenshot from the customer: a preview (Enter shows it larger), and its download. */
export const ImageFromCustomer: Story = {
  loaders: [customerSent(screenshot, 'This is what the app shows me.')],
};

/** A PDF with no text: a message of a file alone, saved with its Download button. */
export const FileOnlyMessage: Story = {
  loaders: [customerSent([{ name: 'invoice-2026-11.pdf', bytes: PDF }])],
};

/** An "image" whose bytes are a web page: no preview, only the download. */
export const BrokenImage: Story = {
  loaders: [customerSent(screenshot)],
  render: downloads(async () => ({ ok: true, value: PAGE })),
};

/** A preview on its way (the download never answers here). */
export const PreviewLoading: Story = {
  loaders: [customerSent(screenshot)],
  render: downloads(() => new Promise(() => undefined)),
};

/** A preview that could not be loaded: why, with Retry. */
export const PreviewFailed: Story = {
  loaders: [customerSent(screenshot)],
  render: downloads(async () => ({
    ok: false,
    error: { code: 'INTERNAL', message: 'The file store did not answer.' },
  })),
};

/** A preview while offline: it loads once the connection is back. */
export const PreviewOffline: Story = {
  loaders: [customerSent(screenshot)],
  render: downloads(async () => ({
    ok: false,
    error: { code: 'OFFLINE', message: 'The connection is offline.' },
  })),
};

/** The customer is typing: the line under the history (announced once, politely). */
export const CustomerTyping: Story = {
  render: (args, { loaded }) =>
    renderConversation(args, loaded, () => ({ customerTyping$: () => of(true) })),
};

/** A screenshot and the customer typing, in Russian. */
export const FilesAndTypingRussian: Story = {
  ...RUSSIAN,
  loaders: [customerSent(screenshot, 'Вот что показывает приложение.')],
  render: (args, { loaded }) =>
    renderConversation(args, loaded, () => ({ customerTyping$: () => of(true) })),
};
