/**
 * Helpers for the documentation and interop browser tests: looking through shadow roots as a
 * user sees the page, waiting for the workspace, and catching errors a host would see.
 */
import { waitUntil } from '@open-wc/testing';
import { createMemoryBackend, createSeedData, type MemoryBackend } from '@live-chat/adapters';

/** A fixed "now" so the seed data is the same on every run. */
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

/** A memory backend with the seed data at {@link NOW}. */
export function createTestBackend(): MemoryBackend {
  return createMemoryBackend({ seed: createSeedData({ now: NOW }), now: () => NOW });
}

/** Every element matching `selector` under `root`, inside shadow roots too. */
export function deepQueryAll<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): E[] {
  const found: E[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element as E);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** The text a user reads under `root`, shadow roots included (slotted content counted once). */
export function deepText(root: Node): string {
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return text.replace(/\s+/g, ' ');
}

/** Waits until `root` shows `text` somewhere in its (shadow) tree. */
export async function waitForText(root: Node, text: string, timeout = 8000): Promise<void> {
  await waitUntil(() => deepText(root).includes(text), `"${text}" never appeared`, {
    timeout,
    interval: 20,
  });
}

/** Waits for the rows of the session list the workspace shows (its queue at first). */
export async function waitForQueueRows(workspace: Element, timeout = 8000): Promise<HTMLElement[]> {
  let rows: HTMLElement[] = [];
  await waitUntil(
    () =>
      (rows = deepQueryAll(workspace, 'live-chat-session-list').flatMap((list) =>
        deepQueryAll<HTMLElement>(list, '[role="option"]'),
      )).length > 0,
    'the workspace never listed a session',
    { timeout, interval: 20 },
  );
  return rows;
}

/** Records `console.error` calls and uncaught errors until `stop()`. */
export function catchErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => errors.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** A new element in the document body, removed by the returned function. */
export function mountPoint(id?: string): { element: HTMLDivElement; remove(): void } {
  const element = document.createElement('div');
  if (id) element.id = id;
  element.style.cssText = 'width: 1200px; height: 800px;';
  document.body.append(element);
  return { element, remove: () => element.remove() };
}

/** Loads an ES module by URL (a page's script), untyped as a page's script is. */
export async function loadScript<T = Record<string, unknown>>(url: string): Promise<T> {
  return (await import(/* @vite-ignore */ url)) as T;
}

/** The text of a file the dev server serves from the repository. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.text();
}
