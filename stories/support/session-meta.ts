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
import { pickSession, sessionControl, type SessionArgs, type SessionPick } from './session-pick.js';

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

/** A story-only text arg: its default and what it does, for the control's description. */
export type StoryTextArg = readonly [value: string, description: string];

/**
 * The `args`, `argTypes` and `loaders` of the meta of a component on one session of the
 * fixture: `session` picked by default, `role` what the session is to the component, and
 * `texts` the story's own text args (Storybook's text control each).
 */
export function sessionStoryArgs<A extends SessionArgs>(
  session: SessionPick,
  role: string,
  texts: Record<Exclude<keyof A, keyof SessionArgs>, StoryTextArg>,
): Pick<Meta<A>, 'args' | 'argTypes' | 'loaders'> {
  const args: Record<string, unknown> = { session };
  const argTypes: Record<string, unknown> = { session: sessionControl(role) };
  for (const [name, [value, description]] of Object.entries<StoryTextArg>(texts)) {
    args[name] = value;
    argTypes[name] = { control: 'text', description };
  }
  return {
    args: args as Partial<A>,
    argTypes: argTypes as Meta<A>['argTypes'],
    loaders: [withClient()],
  };
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
