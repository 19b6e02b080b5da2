/**
 * The loader that gives a story its deterministic client, and the way back to it in `render`
 * and `play`.
 */
import { storyClient, type StoryClientOptions, type StoryFixture } from './story-backend.js';

/** What a story's render receives in `context.loaded` from {@link withClient}. */
export interface LoadedFixture {
  fixture: StoryFixture;
}

/** A loader that creates the story's client (disposed automatically when the story is left). */
export function withClient(options: StoryClientOptions = {}): () => Promise<LoadedFixture> {
  return async () => ({ fixture: await storyClient(options) });
}

/**
 * A loader like {@link withClient} that then brings the backend or the client to a state (a
 * status set, a team away), awaited before the story renders.
 */
export function withClientThen(
  options: StoryClientOptions,
  then: (fixture: StoryFixture) => unknown,
): () => Promise<LoadedFixture> {
  return async () => {
    const loaded = await withClient(options)();
    await then(loaded.fixture);
    return loaded;
  };
}

/** The story's fixture from its loaded values (throws a readable error when it is missing). */
export function fixtureOf(loaded: Record<string, unknown> | undefined): StoryFixture {
  const fixture = (loaded as Partial<LoadedFixture> | undefined)?.fixture;
  if (!fixture) throw new Error('This story needs `loaders: [withClient(…)]`.');
  return fixture;
}
