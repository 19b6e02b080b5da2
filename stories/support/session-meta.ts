/**
 * The meta of a component that shows one session (`<live-chat-about-session>` and its parts):
 * a client from the story fixture, a `session` control, the toolbar's theme and locale.
 * Storybook reads a file's title as written, so each file keeps its own `title` and spreads
 * the rest: `{ title: 'Components/…', ...sessionComponentMeta('live-chat-…', …) }`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fixtureOf, withClient } from './client-loader.js';
import { docsDescription, renderOnClient, type ComponentTag } from './client-meta.js';
import type { StoryClientOptions } from './story-backend.js';
import { pickSession, sessionControl, type SessionArgs } from './session-pick.js';

/** A story of a component whose meta comes from {@link sessionComponentMeta}. */
export type SessionStory = StoryObj<SessionArgs>;

/** How a session component sits in its story. */
export interface SessionComponentOptions {
  /** What the session is to the component, for the control's description. */
  role: string;
  /** The component's inline style. */
  style: string;
  /** The docs page's summary of the component (else the manifest's). */
  description?: string;
  /** The client the stories get unless they load their own. */
  client?: StoryClientOptions;
}

/** Everything but the title of the meta of `tag`, a component with `client` and `session-id`. */
export function sessionComponentMeta(
  tag: ComponentTag,
  { role, style, description, client }: SessionComponentOptions,
): Meta<SessionArgs> {
  return {
    component: tag,
    args: { session: 'mine' },
    argTypes: { session: sessionControl(role) },
    loaders: [withClient(client)],
    render: (args, { loaded }) => {
      const fixture = fixtureOf(loaded);
      const sessionId = pickSession(fixture, args.session);
      return renderOnClient(tag, fixture.client, args, { style, sessionId });
    },
    ...docsDescription(description),
  };
}

/**
 * Everything but the title of the meta of a part of `<live-chat-about-session>`, usable alone;
 * `summary` says what the part does, `client` is the stories' default client.
 */
export function aboutSessionPartMeta(
  tag: ComponentTag,
  summary: string,
  client?: StoryClientOptions,
): Meta<SessionArgs> {
  return sessionComponentMeta(tag, {
    role: 'the session shown',
    style: 'display:block;width:340px;max-width:100%;padding:12px',
    description: `A part of \`<live-chat-about-session>\`, usable alone with a \`client\` and a \`session-id\`: ${summary}`,
    client,
  });
}
