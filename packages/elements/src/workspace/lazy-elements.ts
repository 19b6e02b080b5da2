import { setOnDemandLoader } from '../shared/on-demand.js';

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
 * which it also does by itself when the browser is back online.
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

/** Loads the code of lazily shown components once each, and keeps the list of failed loads. */
export class LazyElements<Tag extends string = LazyElement> {
  readonly #loads = new Map<Tag, Promise<unknown>>();
  readonly #failures = new Set<Tag>();
  readonly #listeners = new Set<() => void>();

  constructor(private readonly loaders: Readonly<Record<Tag, () => Promise<unknown>>>) {}

  /** Loads the code of `tag` once (again after a failed load); resolves when it is defined. */
  load(tag: Tag): Promise<unknown> {
    let load = this.#loads.get(tag);
    if (!load) {
      load = this.loaders[tag]();
      this.#loads.set(tag, load);
      load.then(
        () => {
          if (this.#failures.delete(tag)) this.#changed();
        },
        () => {
          this.#loads.delete(tag);
          this.#failures.add(tag);
          this.#changed();
        },
      );
    }
    return load;
  }

  /** The components whose code failed to load and has not loaded since. */
  get failed(): readonly Tag[] {
    return [...this.#failures];
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

/** `template`, which shows `tag`, once the loading of `tag`'s code has started. */
export function shownLazily<T>(tag: LazyElement, template: T): T {
  void loadElement(tag).catch(() => undefined);
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
