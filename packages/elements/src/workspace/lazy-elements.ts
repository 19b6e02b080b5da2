import { browserOffline, offlineLoad, setOnDemandLoader } from '../shared/on-demand.js';

/**
 * The parts of the workspace shown only on demand are not in its own bundle: the conversation
 * (with its composer), the About the session pane, the Activity tab, the reports, the
 * supervisors' live monitor, the keyboard shortcuts help, the canned replies editor, the search
 * and the alert settings are each loaded with `import()` the first time the workspace shows them
 * (the New Session dialog likewise, by the navigation, and the files of a message or of the
 * composer: see `shared/on-demand.ts`). The element is in the DOM at once and upgrades when its
 * code arrives; Lit keeps what was set on it before.
 *
 * The conversation and the About pane are also loaded in idle time once the workspace is ready
 * (`preload`), so that they are there when the first session is opened, even if the network
 * has gone by then. So is the in-app alert (`<live-chat-alert-toast>`), which is in the DOM from
 * the start but shows something only when an alert comes that neither sound nor a desktop
 * notification brings to the user; the alerts controller holds such alerts until the toast
 * listens, so one that comes before its code is lost to nobody. A part whose code failed to load
 * is listed (`failed`) until it loads: the workspace says so and offers to try again (`retry`),
 * which it also does by itself when the browser is back online. While the browser says it is
 * offline, no part's code is asked for at all: Chromium, as the HTML standard says, remembers a
 * module that failed to load for the life of the page, and no later `import()` of it succeeds
 * (a part that failed while the browser was online, say on a server error, then needs the page
 * reloaded, and the workspace says so).
 *
 * Each part is imported through `./lazy/<part>.ts`, which also imports the package's root: a
 * part loads only after the workspace, and saying so lets a bundler that splits by reachability
 * (esbuild) keep the first load in two files (the entry and one chunk) instead of one per set of
 * modules shared with some part (26 files, and 5 KB more gzip). A host that imports the root
 * fetches nothing more; one that imports only `@live-chat/elements/workspace` fetches the rest
 * of the root (the event factories, about 1 KB) with the first part.
 */
const LOADERS = {
  'live-chat-reports': () => import('./lazy/reports.js'),
  'live-chat-search': () => import('./lazy/search.js'),
  'live-chat-alert-settings': () => import('./lazy/alert-settings.js'),
  'live-chat-about-session': () => import('./lazy/about-session.js'),
  'live-chat-monitor': () => import('./lazy/monitor.js'),
  'live-chat-shortcuts-help': () => import('./lazy/shortcuts-help.js'),
  'live-chat-canned-replies': () => import('./lazy/canned-replies.js'),
  'live-chat-conversation': () => import('./lazy/conversation.js'),
  'live-chat-activity': () => import('./lazy/activity.js'),
  'live-chat-alert-toast': () => import('./lazy/alert-toast.js'),
} satisfies Record<string, () => Promise<unknown>>;

// The parts its components show on demand come the same way (see shared/on-demand.ts): the New
// Session dialog of the navigation, and the files of a message and of the composer.
setOnDemandLoader('live-chat-new-session', () => import('./lazy/new-session.js'));
setOnDemandLoader('live-chat-attachment', () => import('./lazy/attachment.js'));
setOnDemandLoader('live-chat-file-tray', () => import('./lazy/file-tray.js'));

/** A component the workspace loads the first time it shows it. */
export type LazyElement = keyof typeof LOADERS;

/**
 * How long after a failed load a render that shows the part may fetch it again (see
 * {@link LazyElements.show}).
 */
export const SHOWN_RETRY_MS = 10_000;

/** Loads the code of lazily shown components once each, and keeps the list of failed loads. */
export class LazyElements<Tag extends string = LazyElement> {
  readonly #loads = new Map<Tag, Promise<unknown>>();
  /** The failed loads, and when each failed (`now()`). */
  readonly #failures = new Map<Tag, number>();
  readonly #listeners = new Set<() => void>();

  readonly #now: () => number;
  readonly #offline: () => boolean;

  /**
   * @param loaders - how each part's code is loaded
   * @param options - the clock (milliseconds) and whether the browser is offline (by default
   *   {@link browserOffline}), replaceable for tests
   */
  constructor(
    private readonly loaders: Readonly<Record<Tag, () => Promise<unknown>>>,
    options: { now?: () => number; offline?: () => boolean } = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#offline = options.offline ?? browserOffline;
  }

  /**
   * Loads the code of `tag` once (again after a failed load); resolves when it is defined. While
   * the browser is offline it fails without asking for the code (see {@link browserOffline}).
   */
  load(tag: Tag): Promise<unknown> {
    let load = this.#loads.get(tag);
    if (!load) {
      load = this.#offline() ? offlineLoad() : this.loaders[tag]();
      this.#loads.set(tag, load);
      load.then(
        () => {
          if (this.#failures.delete(tag)) this.#changed();
        },
        () => {
          this.#loads.delete(tag);
          this.#failures.set(tag, this.#now());
          this.#changed();
        },
      );
    }
    return load;
  }

  /**
   * Starts loading the code of `tag` for a render that shows it, but not within
   * {@link SHOWN_RETRY_MS} of a failed load of it. A failure renders the workspace again (to say
   * so), and that render would fetch the part again at once, fail again, render again: while
   * offline, a loop of fetches and renders that never lets the page rest. Within that time a
   * failed part is fetched again only by a user's action ({@link load}: opening it, Try again)
   * or when the browser is back online ({@link retry}); after it, by the next render that shows
   * it (a server that was down for a moment, with the browser online all along: a browser that
   * does not keep failed modules then loads it).
   */
  show(tag: Tag): void {
    const failedAt = this.#failures.get(tag);
    if (failedAt !== undefined && this.#now() - failedAt < SHOWN_RETRY_MS) return;
    void this.load(tag).catch(() => undefined);
  }

  /** The components whose code failed to load and has not loaded since. */
  get failed(): readonly Tag[] {
    return [...this.#failures.keys()];
  }

  /** Loads every failed component again; resolves when each has loaded or failed again. */
  retry(): Promise<unknown> {
    return Promise.allSettled(this.failed.map((tag) => this.load(tag)));
  }

  /** Calls `listener` whenever the list of failed loads changes; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** The workspace's lazily loaded components. */
export const lazyElements = new LazyElements(LOADERS);

/** Loads the code of `tag` once (again after a failed load); resolves when it is defined. */
export function loadElement(tag: LazyElement): Promise<unknown> {
  return lazyElements.load(tag);
}

/**
 * `template`, which shows `tag`, once the loading of `tag`'s code has started (unless it failed:
 * see {@link LazyElements.show}).
 */
export function shownLazily<T>(tag: LazyElement, template: T): T {
  lazyElements.show(tag);
  return template;
}

/**
 * What is loaded in idle time once the workspace is ready: what opening a session shows, and the
 * in-app alert, which an incoming message may need at any time.
 */
export const PRELOADED: readonly LazyElement[] = [
  'live-chat-conversation',
  'live-chat-about-session',
  'live-chat-alert-toast',
];
