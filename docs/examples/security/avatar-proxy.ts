import type { LiveChatWorkspace } from '@live-chat/elements';

/**
 * Loads every avatar through the host's image proxy at `proxy` (e.g.
 * `https://portal.example/avatar`): the customer's browser then never asks a third-party server
 * for an image, and the proxy can resize, cache and check what it serves. A URL that is not
 * absolute http(s) gets initials (`undefined`).
 */
export function proxyAvatars(workspace: LiveChatWorkspace, proxy: string): void {
  workspace.avatarUrl = (url, owner) => {
    let source: URL;
    try {
      source = new URL(url);
    } catch {
      return undefined; // relative: never a request to the page's own origin
    }
    if (source.protocol !== 'https:' && source.protocol !== 'http:') return undefined;
    const proxied = new URL(proxy);
    proxied.searchParams.set('url', source.href);
    proxied.searchParams.set('for', owner.id);
    return proxied.href;
  };
}
