import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { userEvent } from 'storybook/test';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { pickSession, type SessionArgs } from './support/session-pick.js';
import { sessionStoryArgs } from './support/session-meta.js';
import type { StoryFixture } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN } from './support/toolbar.js';

interface SearchArgs extends SessionArgs {
  /** Story: what is typed into the field once the story renders. */
  query: string;
}

const meta: Meta<SearchArgs> = {
  title: 'Components/Search',
  component: 'live-chat-search',
  ...sessionStoryArgs<SearchArgs>('none', 'the open session', {
    query: ['', 'Story: typed into the field when the story renders'],
  }),
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    return html`<div style="width:560px;max-width:100%;min-height:420px">
      <live-chat-search
        .client=${fixture.client}
        session-id=${ifDefined(pickSession(fixture, args.session))}
        theme=${args.theme}
        locale=${args.locale}
      ></live-chat-search>
    </div>`;
  },
  play: typeQuery,
};
export default meta;

type Story = StoryObj<SearchArgs>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types `args.query` (or a word from the open session's history when it is `@history`) into the field. */
async function typeQuery({
  args,
  canvasElement,
  loaded,
}: {
  args: SearchArgs;
  canvasElement: HTMLElement;
  loaded: Record<string, unknown>;
}) {
  const text =
    args.query === '@history'
      ? wordFromHistory(fixtureOf(loaded), pickSession(fixtureOf(loaded), args.session))
      : args.query;
  if (!text) return;
  const search = canvasElement.querySelector('live-chat-search');
  await search?.updateComplete;
  const input = search?.shadowRoot?.querySelector('input');
  if (!input) return;
  await userEvent.type(input, text, { delay: 0 });
  // The client debounces queries (200 ms); give the results time to arrive.
  await pause(600);
}

/** A distinctive word from the session's first customer message (so the story finds something). */
function wordFromHistory(fixture: StoryFixture, sessionId: string | undefined): string {
  if (!sessionId) return '';
  const messages = fixture.backend.messagesOf(sessionId);
  const words = messages.flatMap((m) => m.text.split(/[^\p{L}]+/u)).filter((w) => w.length >= 6);
  return words[0] ?? '';
}

/** Idle: nothing typed. Press `/` anywhere to focus it. */
export const Idle: Story = {};

/** No session open: session names match ("Olivia"). */
export const SessionNames: Story = { args: { query: 'Olivia' } };

/** A session open: its name and whole history are searched; the matched word is highlighted. */
export const InOpenSession: Story = { args: { session: 'mine', query: '@history' } };

/** Many matches among thousands of sessions. */
export const ManyResults: Story = {
  args: { query: 'an' },
  loaders: [withClient({ sessions: 5_000 })],
};

/** Nothing matches. */
export const NoResults: Story = { args: { query: 'zzzzqx' } };

/** The search is on its way (the request never answers in this story). */
export const Searching: Story = {
  args: { query: 'order' },
  loaders: [withClient({ hanging: { search: true } })],
};

/** The search failed. */
export const SearchError: Story = {
  args: { query: 'order' },
  loaders: [withClient({ failing: { search: true } })],
};

/** Offline: searching is not possible. */
export const Offline: Story = {
  args: { query: 'order' },
  loaders: [withClient({ connection: 'offline' })],
};

/** The client has not loaded yet. */
export const Loading: Story = { loaders: [withClient({ loading: true })] };

/** Searching text that looks like markup in a session full of it: matches are highlighted, never parsed. */
export const MarkupInResults: Story = {
  args: { session: 'markup', query: 'script' },
  loaders: [withClient({ markup: true })],
};

/** A long unbroken query and long session names in the results. */
export const LongText: Story = {
  args: { query: 'Maximiliana' },
  loaders: [withClient({ longText: true })],
};

export const Dark: Story = { ...DARK, args: { query: 'Olivia' } };
export const Russian: Story = { ...RUSSIAN, args: { query: 'Olivia' } };
export const DarkRussian: Story = { ...DARK_RUSSIAN, args: { query: 'zzzzqx' } };
