/**
 * Test support: the full `<live-chat-workspace>` on a page as an application has it (the
 * document's title and language, a banner with the page's `<h1>`), on the shared seed frozen in
 * time, and the states an operator brings it to: for checks of the whole page (axe, the
 * accessibility tree, the keyboard from page load).
 */
import { fixture, html } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import '../workspace/workspace.js';
import '../locales/ru.js'; // the pages may be in Russian
import { FORCED_COLORS, type MediaFeature } from './cdp.js';
import { deepQuery } from './deep-query.js';
import {
  afterThisTest,
  connectClient,
  frozenBackend,
  waitUntil,
  type Backend,
} from './seeded-client.js';
import { settle } from './settle.js';
import { mySessionId } from './customer-writes.js';

export { mySessionId };

/** A workspace on its page, and what it runs on. */
export interface WorkspacePage {
  el: LiveChatWorkspace;
  backend: Backend;
  client: LiveChatClient;
}

/** How the page is set up. */
export interface WorkspacePageOptions {
  /** The workspace's size (1280 × 800: the wide layout). */
  width?: number;
  height?: number;
  /** Who is signed in (operator A of the shared seed). */
  userId?: string;
  locale?: string;
  theme?: 'light' | 'dark';
}

/** The layout the workspace takes at `width` (see workspace-layout.ts). */
const layoutAt = (width: number) => (width < 640 ? 'narrow' : width < 1024 ? 'medium' : 'wide');

/**
 * How a host puts the workspace on its page: `mountWorkspacePage` of
 * docs/examples/accessibility/workspace-page.ts, which the tests import and hand to
 * {@link openWorkspacePage}, so that they check the page the guide shows.
 */
export type MountPage = (
  root: HTMLElement,
  client: LiveChatClient,
  page: { title: string; lang: string },
) => LiveChatWorkspace;

/**
 * Mounts the workspace on a page of its own with `mount`, waits until it has laid out and
 * rendered, and puts the keyboard at the start of the page (see {@link toPageStart}). The
 * page's title and language are put back after the test.
 */
export async function openWorkspacePage(
  mount: MountPage,
  options: WorkspacePageOptions = {},
): Promise<WorkspacePage> {
  const { width = 1280, height = 800, locale = 'en', theme = 'light' } = options;
  const backend = frozenBackend();
  const { client } = await connectClient(backend, { userId: options.userId });
  const root = document.documentElement;
  const before = { title: document.title, lang: root.lang };
  afterThisTest(() => {
    document.title = before.title;
    root.lang = before.lang;
  });
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = mount(container, client, { title: 'Support desk', lang: locale });
  el.noAlerts = true;
  el.theme = theme;
  el.style.cssText = `display:block;width:${width}px;height:${height}px`;
  await waitUntil(() => el.getAttribute('layout') === layoutAt(width), 'layout never measured');
  await settle(el);
  const workspacePage = { el, backend, client };
  toPageStart(workspacePage);
  return workspacePage;
}

/**
 * Puts the keyboard where it is after the page loads: on the page's heading, before the
 * workspace, so that the next Tab goes to the workspace's first stop.
 */
export function toPageStart(page: WorkspacePage): void {
  page.el.parentElement!.querySelector('h1')!.focus();
}

/** The element matching `selector` anywhere in the workspace (through nested shadow roots). */
export function inWorkspace<T extends HTMLElement = HTMLElement>(
  page: WorkspacePage,
  selector: string,
): T {
  const found = deepQuery<T>(page.el, selector);
  if (!found) throw new Error(`nothing matches ${selector} in the workspace`);
  return found;
}

/**
 * Clicks what `selector` matches in the workspace once it is there (a pane may load its
 * component on first use), then waits for everything to render.
 */
export async function clickInWorkspace(page: WorkspacePage, selector: string): Promise<void> {
  await waitUntil(() => deepQuery(page.el, selector), `nothing matches ${selector}`);
  inWorkspace(page, selector).click();
  await settle(page.el);
}

/** Opens operator A's own active session and waits until its conversation and About pane show. */
export async function openMySession(page: WorkspacePage): Promise<string> {
  const sessionId = mySessionId(page.backend);
  page.el.sessionId = sessionId;
  await shown(page, '[part~="composer-input"]');
  await shown(page, '[part~="reassign-select"]');
  return sessionId;
}

/** A state of the workspace an operator brings it to, by name. */
export interface WorkspaceState {
  name: string;
  /** How the page is set up (the wide layout in English and the light theme by default). */
  options?: WorkspacePageOptions;
  /** Media features the page is made to match (`forced-colors: active`). */
  media?: MediaFeature[];
  /** Brings the page to the state (nothing: as it loads). */
  enter?: (page: WorkspacePage) => Promise<unknown>;
}

/** Waits until the workspace shows what `selector` matches, and everything has rendered. */
async function shown(page: WorkspacePage, selector: string): Promise<void> {
  await waitUntil(() => deepQuery(page.el, selector), `${selector} not shown`);
  await settle(page.el);
}

/**
 * Enters a state with a click: after `before` (if any), clicks `target` and waits until the
 * workspace shows `result`.
 */
const clickUntilShown =
  (target: string, result: string, before?: (page: WorkspacePage) => Promise<unknown>) =>
  async (page: WorkspacePage): Promise<void> => {
    await before?.(page);
    await clickInWorkspace(page, target);
    await shown(page, result);
  };

/** The Reports view, on Operators' performance. */
const showReports = clickUntilShown('[part~="reports"]', '[part~="operators-table"]');

/** The main states of the workspace: each pane, each dialog, each theme and language. */
export const WORKSPACE_STATES: readonly WorkspaceState[] = [
  { name: 'start: the first live chat’s queue, nothing open' },
  { name: 'a session open, with its About pane', enter: openMySession },
  { name: 'the Activity tab', enter: clickUntilShown('#tab-activity', '[part~="entry"]') },
  { name: 'the reports: operators’ performance', enter: showReports },
  {
    name: 'the reports: live chat performance',
    enter: clickUntilShown('#tab-live-chat-performance', '[part~="chart"]', showReports),
  },
  {
    name: 'the medium layout with the About drawer open',
    options: { width: 800 },
    enter: clickUntilShown('.about-toggle', '[data-about-open]', openMySession),
  },
  {
    name: 'the narrow layout on the conversation',
    options: { width: 360, height: 640 },
    enter: openMySession,
  },
  {
    name: 'the Close session dialog',
    enter: clickUntilShown('[part~="close-button"]', 'dialog[open]', openMySession),
  },
  {
    name: 'the New Session dialog',
    enter: clickUntilShown('[part~="new-session"]', 'dialog[open]'),
  },
  {
    name: 'the alert settings popover',
    enter: clickUntilShown('[part~="settings-button"]', '[part~="switch"]'),
  },
  { name: 'the dark theme, a session open', options: { theme: 'dark' }, enter: openMySession },
  { name: 'in Russian, a session open', options: { locale: 'ru' }, enter: openMySession },
  {
    name: 'forced colours, a session open',
    media: FORCED_COLORS,
    enter: openMySession,
  },
];
