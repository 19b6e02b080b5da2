import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient, type LoadedFixture } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import type { SessionArgs } from './support/session-pick.js';
import type { StoryClientOptions, StoryFixture } from './support/story-backend.js';
import { clickOnceShown } from './support/story-play.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Session triage',
  ...aboutSessionPartMeta(
    'live-chat-session-triage',
    "the session's tags (chips; Edit tags opens a checkbox per tag of the live chat, each change saved at once, at most ten) and its urgent mark (Mark urgent / Not urgent; urgent sessions go first in the queue).",
  ),
};
export default meta;

/** A loader of the story's client after `change` has acted on the user's own session. */
function withMine(
  change: (fixture: StoryFixture, sessionId: string) => void,
  options: StoryClientOptions = {},
): () => Promise<LoadedFixture> {
  return async () => {
    const loaded = await withClient(options)();
    const { fixture } = loaded;
    const sessionId = fixture.sessions.mine;
    if (sessionId) change(fixture, sessionId);
    return loaded;
  };
}

/** Runs one command of the signed-in user on a session, through the backend. */
function run(fixture: StoryFixture, sessionId: string, command: Record<string, unknown>): void {
  fixture.backend.execute(fixture.userId, {
    ...command,
    commandId: `triage-story-${String(command['type'])}`,
    sessionId,
  } as never);
}

const tagged = withMine((fixture, sessionId) =>
  run(fixture, sessionId, { type: 'session.tag', tagIds: ['tag-billing', 'tag-vip'] }),
);

/** Anna's session with no tags, not urgent: Edit tags and Mark urgent. */
export const NoTags: SessionStory = {};

/** Two tags, shown as chips. */
export const SomeTags: SessionStory = { loaders: [tagged] };

/** The tag editor open: a checkbox per tag of the live chat, the session's checked. */
export const Editing: SessionStory = {
  loaders: [tagged],
  play: clickOnceShown('[part~="edit-tags-button"]'),
};

/** A change refused (here: every command fails): the error shows under the tags, focused. */
export const TagChangeFails: SessionStory = {
  loaders: [withClient({ failing: { commands: true } })],
  play: async (context) => {
    await clickOnceShown('[part~="edit-tags-button"]')(context);
    await clickOnceShown('[part~="tag-option"] input')(context);
  },
};

/** Marked urgent: said in words with an icon; the button takes the mark away. */
export const Urgent: SessionStory = {
  loaders: [
    withMine((fixture, id) => run(fixture, id, { type: 'session.set-urgent', urgent: true })),
  ],
};

/** A closed session: tags shown, the controls disabled and described by the reason. */
export const ReadOnly: SessionStory = { args: { session: 'closed' } };

/** Nothing selected: the part shows nothing. */
export const NoSession: SessionStory = { args: { session: 'none' } };

export const Dark: SessionStory = { ...DARK, loaders: [tagged] };
export const Russian: SessionStory = { ...RUSSIAN, loaders: [tagged] };
