/**
 * Where the code of a component that another one shows only on demand comes from:
 * `<live-chat-new-session>` (the navigation's New Session dialog), `<live-chat-attachment>` (a
 * message's files) and `<live-chat-file-tray>` (the composer's next files). The component that
 * shows one calls {@link loadOnDemand}; the entry that defines it says where the code is
 * ({@link setOnDemandLoader}):
 * - a component's own entry (`@live-chat/elements/navigation`, `…/conversation`, `…/composer`)
 *   imports the part directly, so a host of that entry alone fetches the part and nothing else;
 * - the package root and `@live-chat/elements/workspace` import it through
 *   `workspace/lazy/<part>.ts`, as the workspace's own parts (see `workspace/lazy-elements.ts`):
 *   a bundler that splits by reachability then keeps the workspace's first load in one file.
 * Nothing here imports a part itself: a direct `import()` in a module of the first load would
 * make the part an entry of its own, and the first load would be cut into a file per set of
 * modules the part shares with it.
 */

/**
 * Whether the browser says it is offline. The code of a part is then not even asked for: a
 * fetch would fail, and browsers that follow the HTML standard here (Chromium does) remember a
 * module that failed to load for the life of the page, so that no later `import()` of it can
 * succeed. Asked for once the browser is online again, it loads.
 */
export const browserOffline = (): boolean =>
  typeof navigator !== 'undefined' && navigator.onLine === false;

/** The refusal of a part's code while the browser is offline (see {@link browserOffline}). */
export const offlineLoad = (): Promise<never> =>
  Promise.reject(new Error('The browser is offline: the code is loaded once it is back online.'));

/** A component shown on demand by another. */
export type OnDemandTag = 'live-chat-new-session' | 'live-chat-attachment' | 'live-chat-file-tray';

const loaders = new Map<OnDemandTag, () => Promise<unknown>>();

/** Says where the code of `tag` comes from (the last entry imported that says so wins). */
export function setOnDemandLoader(tag: OnDemandTag, load: () => Promise<unknown>): void {
  loaders.set(tag, load);
}

/**
 * Resolves once `tag` is defined: at once when it already is, else when its code has loaded.
 * Rejects when the loading fails, while the browser is offline (without asking for the code:
 * see {@link browserOffline}), or when no entry said where its code is (the component was
 * imported from an internal module, not from an entry of the package).
 */
export function loadOnDemand(tag: OnDemandTag): Promise<unknown> {
  if (customElements.get(tag)) return Promise.resolve();
  const load = loaders.get(tag);
  if (load) return browserOffline() ? offlineLoad() : load();
  return Promise.reject(
    new Error(`<${tag}> is not defined: import it, or the entry of the component that shows it.`),
  );
}
