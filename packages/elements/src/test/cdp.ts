/**
 * Test support: the Chrome DevTools protocol of the test's own page, through the `cdp` command
 * of web-test-runner.config.mjs. What a screen reader is given (the accessibility tree), and
 * media features the page cannot set itself (`forced-colors: active`).
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Sends one protocol request to the page and resolves with its result. */
export function cdp<R = unknown>(method: string, params: object = {}): Promise<R> {
  return executeServerCommand<R, { method: string; params: object }>('cdp', { method, params });
}

/** A media feature the page is made to match, e.g. `{ name: 'forced-colors', value: 'active' }`. */
export interface MediaFeature {
  name: string;
  value: string;
}

/** Makes the page match `features` (none: back to the real media) and waits a frame for styles. */
export async function emulateMedia(features: MediaFeature[]): Promise<void> {
  await cdp('Emulation.setEmulatedMedia', { features });
  await new Promise(requestAnimationFrame);
}

/** Runs `check` while the page matches `features`, then gives the page its real media back. */
export async function whileMatching<T>(
  features: MediaFeature[],
  check: () => Promise<T>,
): Promise<T> {
  await emulateMedia(features);
  try {
    return await check();
  } finally {
    await emulateMedia([]);
  }
}

/** Forced colours, as Windows' contrast themes give them. */
export const FORCED_COLORS: MediaFeature[] = [{ name: 'forced-colors', value: 'active' }];

/** The user asked for less motion. */
export const REDUCED_MOTION: MediaFeature[] = [{ name: 'prefers-reduced-motion', value: 'reduce' }];

/** A node of the accessibility tree, as the protocol gives it (the fields these tests read). */
export interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
  childIds?: string[];
  parentId?: string;
  backendDOMNodeId?: number;
}

/** What a screen reader is told of one node: its role, name, description and properties. */
export interface AXEntry {
  role: string;
  name: string;
  description: string;
  /** Its states and properties by name (`keyshortcuts`, `level`, `modal`…). */
  properties: Record<string, unknown>;
}

/** The page's whole accessibility tree, every node that is not ignored, in tree order. */
export async function accessibilityTree(): Promise<AXEntry[]> {
  const { nodes } = await cdp<{ nodes: AXNode[] }>('Accessibility.getFullAXTree');
  return nodes
    .filter((node) => !node.ignored)
    .map((node) => ({
      role: String(node.role?.value ?? ''),
      name: String(node.name?.value ?? ''),
      description: String(node.description?.value ?? ''),
      properties: Object.fromEntries(
        (node.properties ?? []).map((property) => [property.name, property.value.value]),
      ),
    }));
}

/** The names of the entries of the tree with `role`, and a name matching `name` when given. */
export async function axNames(role: string, name?: RegExp): Promise<string[]> {
  return (await accessibilityTree())
    .filter((entry) => entry.role === role && (!name || name.test(entry.name)))
    .map((entry) => entry.name);
}

/** The one entry of the tree with `role` and the name `name`; fails when there is not exactly one. */
export async function axEntry(role: string, name: string): Promise<AXEntry> {
  const found = (await accessibilityTree()).filter(
    (entry) => entry.role === role && entry.name === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} ${role} named “${name}” in the tree`);
  return found[0]!;
}
