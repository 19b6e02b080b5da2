import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatWorkspace } from '@live-chat/elements';
import '@live-chat/elements';

/** What the page says about itself. */
export interface WorkspacePageOptions {
  /** The document's title, and the page's heading: "Support desk". */
  title: string;
  /** The page's language, and the workspace's: 'en', 'ru'… */
  lang: string;
  /** Names the workspace's landmarks, e.g. after the signed-in operator (see `label`). */
  label?: string;
}

/**
 * Puts the workspace on a page of its own with what the page, not the workspace, owes to
 * assistive technology: the document's title and language, and a banner with the page's
 * `<h1>`. The workspace brings the rest: skip links and shortcuts, landmarks for everything
 * inside it, live regions. The heading takes focus from script (after the host navigates to
 * the page, say), which leaves the keyboard just before the workspace's first skip link.
 */
export function mountWorkspacePage(
  root: HTMLElement,
  client: LiveChatClient,
  options: WorkspacePageOptions,
): LiveChatWorkspace {
  document.title = options.title;
  document.documentElement.lang = options.lang;
  const heading = document.createElement('h1');
  heading.textContent = options.title;
  heading.tabIndex = -1;
  const banner = document.createElement('header');
  banner.append(heading);
  const workspace = document.createElement('live-chat-workspace');
  workspace.client = client;
  workspace.locale = options.lang;
  if (options.label) workspace.label = options.label;
  root.replaceChildren(banner, workspace);
  heading.focus();
  return workspace;
}
