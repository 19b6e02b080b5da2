/**
 * The meta of a component that needs only the story's client: `.client` from the story fixture,
 * the toolbar's theme and locale. Storybook reads a file's title as written, so each file keeps
 * its own `title` and spreads the rest: `{ title: 'Components/…', ...clientComponentMeta('live-chat-…') }`.
 */
import type { Meta } from '@storybook/web-components-vite';
import type { LiveChatClient } from '@live-chat/core';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { fixtureOf, withClient, type LoadedFixture } from './client-loader.js';
import type { ToolbarArgs } from './toolbar.js';

/** A component's tag. */
export type ComponentTag = `live-chat-${string}`;

/** How a component that needs only the client sits in its story. */
export interface ClientComponentOptions {
  /** The component's inline style. */
  style?: string;
  /** The loader of the client the stories get unless they load their own (`withClient()`). */
  loader?: () => Promise<LoadedFixture>;
  /** The docs page's summary of the component (else the manifest's). */
  description?: string;
}

/** What `tag` shows besides its client and the toolbar's theme and locale. */
export interface ClientComponentAttributes {
  /** The component's inline style. */
  style?: string;
  /** The session shown, set as `session-id`. */
  sessionId?: string;
}

/** `tag` on `client`, with the toolbar's theme and locale and the given attributes. */
export function renderOnClient(
  tag: ComponentTag,
  client: LiveChatClient,
  args: ToolbarArgs,
  { style, sessionId }: ClientComponentAttributes = {},
): TemplateResult {
  const element = unsafeStatic(tag);
  return html`<${element}
    .client=${client}
    session-id=${ifDefined(sessionId)}
    theme=${args.theme}
    locale=${args.locale}
    style=${ifDefined(style)}
  ></${element}>`;
}

/** Story parameters that give the docs page `description` as the component's summary. */
export function docsDescription(description: string | undefined): Pick<Meta, 'parameters'> {
  return description ? { parameters: { docs: { description: { component: description } } } } : {};
}

/** Everything but the title of the meta of `tag`, a component with only a `client`. */
export function clientComponentMeta(
  tag: ComponentTag,
  { style, loader = withClient(), description }: ClientComponentOptions = {},
): Meta<ToolbarArgs> {
  return {
    component: tag,
    loaders: [loader],
    render: (args, { loaded }) => renderOnClient(tag, fixtureOf(loaded).client, args, { style }),
    ...docsDescription(description),
  };
}
