/**
 * Small helpers every stories file shares: the args the toolbar drives, loaders that create a
 * deterministic client, and story annotations for the dark theme and the Russian locale.
 */
import { storyClient, type StoryClientOptions, type StoryFixture } from './story-backend.js';

/** Args the preview's decorator fills from the toolbar (Theme, Locale). */
export interface ToolbarArgs {
  theme: 'light' | 'dark';
  locale: string;
}

/** What a story's render receives in `context.loaded` from {@link withClient}. */
export interface LoadedFixture {
  fixture: StoryFixture;
}

/** A loader that creates the story's client (disposed automatically when the story is left). */
export function withClient(options: StoryClientOptions = {}): () => Promise<LoadedFixture> {
  return async () => ({ fixture: await storyClient(options) });
}

/** The story's fixture from its loaded values (throws a readable error when it is missing). */
export function fixtureOf(loaded: Record<string, unknown> | undefined): StoryFixture {
  const fixture = (loaded as Partial<LoadedFixture> | undefined)?.fixture;
  if (!fixture) throw new Error('This story needs `loaders: [withClient(…)]`.');
  return fixture;
}

/** Story annotations that pin the theme or the locale, whatever the toolbar says. */
export const DARK = { globals: { theme: 'dark' } } as const;
export const RUSSIAN = { globals: { locale: 'ru' } } as const;
export const DARK_RUSSIAN = { globals: { theme: 'dark', locale: 'ru' } } as const;

/** A fixed-size frame, for components that fill their container. */
export function frame(width: string, height: string): string {
  return `display:block;width:${width};max-width:100%;height:${height};`;
}

/** Which of the fixture's picked sessions a story shows (see `StorySessions`). */
export type SessionPick = 'none' | keyof StoryFixture['sessions'];

/** The picked session's id, or `undefined` for `none` or when the data has no such session. */
export function pickSession(
  fixture: StoryFixture,
  pick: SessionPick | undefined,
): string | undefined {
  return !pick || pick === 'none' ? undefined : fixture.sessions[pick];
}

/** Options of the `session` control, in the order designers look for them. */
export const SESSION_PICKS: SessionPick[] = [
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
];
