/**
 * Which of the fixture's sessions a story shows: the `session` control, the id it stands for,
 * and stories that show a generated session together with the data it needs.
 */
import type { TemplateResult } from 'lit';
import type { LiveChatClient } from '@live-chat/core';
import { fixtureOf, withClient } from './client-loader.js';
import { clientWith, type ClientOverrides } from './client-overrides.js';
import type { StoryClientOptions, StoryFixture } from './story-backend.js';
import type { ToolbarArgs } from './toolbar.js';

/**
 * A session of the fixture (see `StorySessions`), `none`, or `unavailable`: an id the user
 * cannot see (or that does not exist).
 */
export type SessionPick = 'none' | 'unavailable' | keyof StoryFixture['sessions'];

/** Args of a story whose component shows one session. */
export interface SessionArgs extends ToolbarArgs {
  /** Which session is shown (a story fixture pick, set as `session-id`). */
  session: SessionPick;
}

/** The id `unavailable` stands for. */
const UNAVAILABLE_SESSION_ID = 's-does-not-exist';

/** The picked session's id, or `undefined` for `none` or when the data has no such session. */
export function pickSession(
  fixture: StoryFixture,
  pick: SessionPick | undefined,
): string | undefined {
  if (!pick || pick === 'none') return undefined;
  return pick === 'unavailable' ? UNAVAILABLE_SESSION_ID : fixture.sessions[pick];
}

/** What a story of a component on one session renders with. */
export interface PickedSession {
  /** The fixture's client; with overrides, a client with those members in place of its own. */
  client: LiveChatClient;
  /** The picked session's id (see {@link pickSession}). */
  sessionId: string | undefined;
}

/**
 * A story's render function from `render`, which gets the story's client and picked session:
 * the fixture's client, or with `overrides` a client with those members in place of its own.
 */
export function onPickedSession<A extends SessionArgs>(
  render: (args: A, picked: PickedSession) => TemplateResult,
): (args: A, loaded: Record<string, unknown>, overrides?: ClientOverrides) => TemplateResult {
  return (args, loaded, overrides) => {
    const fixture = fixtureOf(loaded);
    const sessionId = pickSession(fixture, args.session);
    return render(args, { client: clientWith(fixture, overrides), sessionId });
  };
}

/** Options of the session control, in the order designers look for them. */
const SESSION_PICKS: SessionPick[] = [
  'none',
  'mine',
  'queued',
  'groupQueued',
  'othersActive',
  'closed',
  'internalCustomer',
  'longHistory',
  'longText',
  'markup',
  'unavailable',
];

/** The control of a session arg: `what` the session is to the component, set as `attribute`. */
export function sessionControl(what: string, attribute = 'session-id') {
  return {
    control: 'select',
    options: SESSION_PICKS,
    description: `Story fixture: ${what} (\`${attribute}\`)`,
  } as const;
}

/** The generated data without which a pick finds no session. */
const DATA_OF_PICK: Partial<Record<SessionPick, StoryClientOptions>> = {
  longHistory: { longHistory: 1000 },
  longText: { longText: true },
  markup: { markup: true },
};

/**
 * Story annotations that show the picked session (the `session` arg), on a client with the
 * data the pick needs plus `options`: `showingSession('longText', { binders: true })`.
 */
export function showingSession(pick: SessionPick, options: StoryClientOptions = {}) {
  return {
    args: { session: pick },
    loaders: [withClient({ ...DATA_OF_PICK[pick], ...options })],
  };
}
