/**
 * The parts of the workspace shown only on demand are not in its own bundle: the conversation
 * (with its composer), the About the session pane, the Activity tab, the reports, the
 * supervisors' live monitor, the keyboard shortcuts help, the canned replies editor, the search
 * and the alert settings are each loaded with `import()` the first time the workspace shows them
 * (the New Session dialog likewise, by the navigation). The element is in the DOM at once and
 * upgrades when its code arrives; Lit keeps what was set on it before.
 */
const loaders = {
  'live-chat-reports': () => import('../reports/reports.js'),
  'live-chat-search': () => import('../search/search.js'),
  'live-chat-alert-settings': () => import('../alert-settings/alert-settings.js'),
  'live-chat-about-session': () => import('../about-session/about-session.js'),
  'live-chat-monitor': () => import('../monitor/monitor.js'),
  'live-chat-shortcuts-help': () => import('../shortcuts/shortcuts-help.js'),
  'live-chat-canned-replies': () => import('../canned-replies/canned-replies.js'),
  'live-chat-conversation': () => import('../conversation/conversation.js'),
  'live-chat-activity': () => import('../activity/activity.js'),
} satisfies Record<string, () => Promise<unknown>>;

/** A component the workspace loads the first time it shows it. */
export type LazyElement = keyof typeof loaders;

const loads = new Map<LazyElement, Promise<unknown>>();

/** Loads the code of `tag` once (again after a failed load); resolves when it is defined. */
export function loadElement(tag: LazyElement): Promise<unknown> {
  let load = loads.get(tag);
  if (!load) {
    load = loaders[tag]();
    loads.set(tag, load);
    load.catch(() => loads.delete(tag));
  }
  return load;
}

/** `template`, which shows `tag`, once the loading of `tag`'s code has started. */
export function shownLazily<T>(tag: LazyElement, template: T): T {
  void loadElement(tag).catch(() => undefined);
  return template;
}
