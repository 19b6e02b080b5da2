import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { Alert, AlertBurst, LiveChatClient, TabRole } from '@live-chat/core';
import { DEFAULT_LOCALE, translate } from '../../i18n/catalogue.js';
import { alertTag, alertText } from './alert-text.js';
import { isolateText } from '../../shared/untrusted-text.js';
import { sessionOpenEvent } from '../../events/session-open.js';
import {
  ALERT_SETTINGS_STORAGE_KEY,
  loadAlertSettings,
  saveAlertSettings,
  type AlertSettings,
  type AlertSettingsStorage,
} from './alert-settings-store.js';
import { AlertSound, defaultAudioContextFactory, type AudioContextFactory } from './alert-sound.js';
import './alerts.messages.js';

/** The browser's permission for desktop notifications, or `unsupported` where there are none. */
export type DesktopPermission = NotificationPermission | 'unsupported';

/** The part of a `Notification` the controller uses. */
export interface NotificationLike {
  /** Called when the user clicks the notification. */
  onclick: ((event: Event) => unknown) | null;
  /** Removes the notification. */
  close(): void;
}

/** The part of the `Notification` constructor the controller uses. */
export interface NotificationConstructorLike {
  readonly permission: NotificationPermission;
  /** Asks the user for permission to show notifications (call it on a user gesture). */
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): NotificationLike;
}

/** The part of `document` the controller uses (visibility, focus, title). */
export interface AlertsDocument extends Pick<
  EventTarget,
  'addEventListener' | 'removeEventListener'
> {
  title: string;
  readonly visibilityState: DocumentVisibilityState;
  /** Whether the page has the focus (no desktop notification is needed then). */
  hasFocus(): boolean;
}

/** The part of `window` the controller uses (focus events; focusing on a notification click). */
export interface AlertsWindow extends Pick<
  EventTarget,
  'addEventListener' | 'removeEventListener'
> {
  /** Brings the window to the front (when a notification is clicked). */
  focus?(): void;
}

/** Everything the controller touches in the browser, replaceable for tests. */
export interface AlertsEnvironment {
  document: AlertsDocument | undefined;
  window: AlertsWindow | undefined;
  storage: AlertSettingsStorage | undefined;
  Notification: NotificationConstructorLike | undefined;
  createAudioContext: AudioContextFactory | undefined;
  /** Milliseconds clock (sound throttling). */
  now: () => number;
}

/** Options of {@link AlertsController}. */
export interface AlertsControllerOptions {
  /** Replace parts of the browser environment (tests, iframes). */
  environment?: Partial<AlertsEnvironment>;
  /** `localStorage` key of the settings (default {@link ALERT_SETTINGS_STORAGE_KEY}). */
  storageKey?: string;
  /** The UI locale for notification and title texts (default the host's `locale`, else English). */
  locale?: () => string;
  /**
   * Called when the user clicks a desktop notification. Default: emit `live-chat-session-open`
   * on the host.
   */
  onOpen?: (alert: Alert) => void;
  /** Shortest time between two beeps, so a burst of messages makes one sound (default 1000 ms). */
  soundIntervalMs?: number;
}

/** The desktop notification standing for a live chat's alerts since the user last looked. */
interface ShownNotification {
  notification: NotificationLike | undefined;
  /** The alerts it stands for. */
  count: number;
}

/**
 * Most live chats whose in-app alerts are held while nobody listens (see
 * `AlertsController.onInAppAlert`); the one heard from longest ago goes first.
 */
const HELD_IN_APP_LIMIT = 10;

/** How many alert ids are remembered for de-duplication. */
const SEEN_LIMIT = 1000;

/** Adds `id` to `ids` (forgetting the oldest beyond {@link SEEN_LIMIT}); false if it was there. */
function remember(ids: Set<string>, id: string): boolean {
  if (ids.has(id)) return false;
  ids.add(id);
  if (ids.size > SEEN_LIMIT) ids.delete(ids.values().next().value as string);
  return true;
}

function browserEnvironment(): AlertsEnvironment {
  const hasWindow = typeof window !== 'undefined';
  let storage: AlertSettingsStorage | undefined;
  try {
    storage = hasWindow ? window.localStorage : undefined;
  } catch {
    storage = undefined;
  }
  return {
    document: typeof document !== 'undefined' ? document : undefined,
    window: hasWindow ? window : undefined,
    storage,
    Notification:
      hasWindow && 'Notification' in window
        ? (window.Notification as NotificationConstructorLike)
        : undefined,
    createAudioContext: defaultAudioContextFactory(),
    now: () => Date.now(),
  };
}

/**
 * Turns the client's `alerts$` (an incoming customer message, sent by the backend to every
 * operator of its live chat) into the alerts the user switched on — each alert at most once,
 * de-duplicated by `alert.id`:
 *
 * - **sound**: a short Web Audio beep. Browsers allow audio only after a user gesture, so the
 *   audio context is created on the first pointer or key press on the page; bursts within
 *   `soundIntervalMs` make one beep.
 * - **desktop**: a `Notification` (customer name and message preview, one per session thanks to
 *   its `tag`; for a colleague's note mentioning the user, "Anna Kowalski mentioned you" and the
 *   note's preview) while the page is hidden or unfocused, if switched on and permitted. Permission
 *   is only ever asked by {@link AlertsController.enableDesktop}, to be called from a click
 *   (`<live-chat-alert-settings>` does). Clicking the notification focuses the page and opens
 *   the session. Notifications follow the client's `alertBursts$`, the alerts coalesced per live
 *   chat: a burst shows as one notification, "37 new requests in Support", which replaces the
 *   live chat's earlier one and counts every alert since the user last looked at the page.
 * - **title badge**: "(3) Original title", counting alerts since the page was last visible and
 *   focused; the title is restored when it is again.
 *
 * When several tabs of the user share one connection (the client's `tabRole` is `leader` or
 * `follower`), every tab receives each alert, but only the tab that is not a `follower` plays
 * the sound and shows the desktop notification: one beep and one notification per alert, not
 * one per tab. The title badge shows in every tab. The role is read on each alert, so the tab
 * that takes over from a closed leader starts sounding at once.
 *
 * Settings live in `localStorage` (namespaced key) and are read on each alert, so a settings
 * panel, another controller or another tab changing them takes effect at once.
 *
 * Use it as a Lit reactive controller (`new AlertsController(this)`; it connects and
 * disconnects with the host, call {@link setClient} when the client changes) or as a plain
 * object with {@link connect} / {@link disconnect}.
 */
export class AlertsController implements ReactiveController {
  readonly #env: AlertsEnvironment;
  readonly #storageKey: string;
  readonly #sound: AlertSound;
  readonly #soundIntervalMs: number;
  readonly #listeners = new Set<(settings: AlertSettings) => void>();
  readonly #inAppListeners = new Set<(burst: AlertBurst) => void>();
  /** Ids of the alerts handled, and of those notified alone: each at most once. */
  readonly #seen = new Set<string>();
  readonly #notified = new Set<string>();
  #client: LiveChatClient | undefined;
  #subscription: Subscription | undefined;
  #connected = false;
  #unseen = 0;
  /** The page's own title while it carries our badge. */
  #baseTitle: string | undefined;
  /** The badged title we last wrote, to notice when the page changes its title. */
  #writtenTitle: string | undefined;
  /** A write of the badge is planned at the end of the current run (one per delivered batch). */
  #badgePlanned = false;
  #lastBeepAt = Number.NEGATIVE_INFINITY;
  /** What stands on the desktop for each live chat since the user last looked. */
  readonly #shown = new Map<string, ShownNotification>();
  /** In-app bursts that came while nobody listened, by live chat (see {@link onInAppAlert}). */
  readonly #heldInApp = new Map<string, AlertBurst>();

  constructor(
    private readonly host: (ReactiveControllerHost & EventTarget) | null = null,
    private readonly options: AlertsControllerOptions = {},
  ) {
    this.#env = { ...browserEnvironment(), ...options.environment };
    this.#storageKey = options.storageKey ?? ALERT_SETTINGS_STORAGE_KEY;
    this.#sound = new AlertSound(this.#env.createAudioContext);
    this.#soundIntervalMs = options.soundIntervalMs ?? 1000;
    host?.addController(this);
  }

  /** The current settings (read from storage). */
  get settings(): AlertSettings {
    return loadAlertSettings(this.#env.storage, this.#storageKey);
  }

  /** Alerts counted in the title badge since the page was last visible and focused. */
  get unseenCount(): number {
    return this.#unseen;
  }

  /** The browser's notification permission. */
  get desktopPermission(): DesktopPermission {
    return this.#env.Notification ? this.#env.Notification.permission : 'unsupported';
  }

  /** Whether audio has been unlocked by a user gesture. */
  get soundUnlocked(): boolean {
    return this.#sound.unlocked;
  }

  /** Changes some settings, stores them and tells the listeners; returns the new settings. */
  setSettings(patch: Partial<AlertSettings>): AlertSettings {
    const settings = { ...this.settings, ...patch };
    saveAlertSettings(this.#env.storage, settings, this.#storageKey);
    if (!settings.titleBadge) this.#clearBadge();
    for (const listener of this.#listeners) listener(settings);
    return settings;
  }

  /** Calls `listener` whenever the settings change (here or in another tab); returns the unsubscribe. */
  onSettingsChange(listener: (settings: AlertSettings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` with each burst of alerts (coalesced per live chat, as the desktop
   * notifications are) that neither sound nor a desktop notification can bring to the user:
   * both are off, or the browser does not allow them (no permission; audio still locked until
   * the user's first gesture). The workspace shows these as its own in-app alert. Returns the
   * unsubscribe.
   *
   * Such bursts that come while nobody listens (the in-app alert's code has not arrived yet)
   * are held, one per live chat (the ones of a live chat added up: `count` and `sessionCount`
   * summed, the newest alert kept), at most 10 live chats, until
   * disconnected; the first listener gets them at once.
   */
  onInAppAlert(listener: (burst: AlertBurst) => void): () => void {
    this.#inAppListeners.add(listener);
    const held = [...this.#heldInApp.values()];
    this.#heldInApp.clear();
    for (const burst of held) listener(burst);
    return () => this.#inAppListeners.delete(listener);
  }

  /** Whether neither this tab's sound nor its desktop notifications reach the user. */
  get silent(): boolean {
    const { sound, desktop } = this.settings;
    const soundPlays = sound && this.#sound.unlocked;
    return !soundPlays && !(desktop && this.desktopPermission === 'granted');
  }

  /**
   * Switches desktop notifications on, asking the browser's permission if it was never given.
   * Call it from a user gesture (a click). Returns the permission; the setting is only switched
   * on when it is `granted`.
   */
  async enableDesktop(): Promise<DesktopPermission> {
    const Notification = this.#env.Notification;
    if (!Notification) return 'unsupported';
    let permission = Notification.permission;
    if (permission === 'default') {
      try {
        permission = await Notification.requestPermission();
      } catch {
        permission = Notification.permission;
      }
    }
    if (permission === 'granted') this.setSettings({ desktop: true });
    else if (this.settings.desktop) this.setSettings({ desktop: false });
    else for (const listener of this.#listeners) listener(this.settings);
    return permission;
  }

  /** Unlocks audio and plays the beep once (call from a user gesture, e.g. switching sound on). */
  previewSound(): boolean {
    this.#sound.unlock();
    return this.#sound.play();
  }

  /** Switches to another client (or none), re-subscribing when connected. */
  setClient(client: LiveChatClient | undefined): void {
    if (client === this.#client) return;
    this.#client = client;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.connect();
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  /**
   * What the controller listens to on the page while connected: whether the user is looking
   * (visibility, focus), their first gesture (which lets sound play), and settings changed in
   * another tab.
   */
  #pageListeners(): ReadonlyArray<
    [
      Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined,
      string,
      EventListener,
      AddEventListenerOptions?,
    ]
  > {
    const { document, window } = this.#env;
    return [
      [document, 'visibilitychange', this.#handleAttention],
      [document, 'pointerdown', this.#handleGesture, { capture: true }],
      [document, 'keydown', this.#handleGesture, { capture: true }],
      [window, 'focus', this.#handleAttention],
      [window, 'storage', this.#handleStorage],
    ];
  }

  /** Starts listening (to the client's alerts and the page's visibility, focus and gestures). */
  connect(): void {
    if (this.#connected) return;
    this.#connected = true;
    for (const [target, type, listener, options] of this.#pageListeners())
      target?.addEventListener(type, listener, options);
    this.#subscribe();
  }

  /** Stops listening, restores the page title and releases the audio context. */
  disconnect(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    for (const [target, type, listener, options] of this.#pageListeners())
      target?.removeEventListener(type, listener, options);
    this.#clearBadge();
    this.#shown.clear();
    this.#heldInApp.clear();
    this.#sound.dispose();
  }

  #subscribe(): void {
    if (!this.#client || this.#subscription) return;
    this.#subscription = this.#client.alerts$.subscribe((alert) => this.#handleAlert(alert));
    this.#subscription.add(
      this.#client.alertBursts$.subscribe((burst) => this.#handleBurst(burst)),
    );
  }

  #locale(): string {
    return (
      this.options.locale?.() ?? (this.host as { locale?: string } | null)?.locale ?? DEFAULT_LOCALE
    );
  }

  /** This tab's role in sharing the connection (`alone` for a client that does not say). */
  #tabRole(): TabRole {
    const client = this.#client;
    return (client && 'tabRole' in client ? client.tabRole : undefined) ?? 'alone';
  }

  /** Whether the user is looking at the page: visible and focused. */
  #attended(): boolean {
    const document = this.#env.document;
    if (!document) return true;
    return document.visibilityState === 'visible' && document.hasFocus();
  }

  #handleAlert(alert: Alert): void {
    if (!remember(this.#seen, alert.id)) return;

    const settings = this.settings;
    const attended = this.#attended();
    // Another tab (the leader) sounds and notifies for this alert.
    if (settings.sound && this.#tabRole() !== 'follower') this.#beep();
    if (settings.titleBadge && !attended) {
      this.#unseen += 1;
      this.#planBadge();
    }
  }

  /**
   * Writes the badge at the end of the current run: a batch of alerts delivered together (a
   * burst of 10,000 new requests) changes the page's title once, not once per alert.
   */
  #planBadge(): void {
    if (this.#badgePlanned) return;
    this.#badgePlanned = true;
    queueMicrotask(() => {
      this.#badgePlanned = false;
      // Cleared meanwhile (the user looked, the badge was switched off, the host left).
      if (this.#unseen > 0 && this.#connected) this.#writeBadge();
    });
  }

  #beep(): void {
    const now = this.#env.now();
    if (now - this.#lastBeepAt < this.#soundIntervalMs) return;
    if (this.#sound.play()) this.#lastBeepAt = now;
  }

  /**
   * A burst of a live chat's alerts (one alert, or many coalesced by the client): one desktop
   * notification, replacing the live chat's earlier one and counting every alert since the user
   * last looked, when they are away, it is switched on and this tab is not a follower.
   */
  #handleBurst(burst: AlertBurst): void {
    if (burst.count === 1 && !remember(this.#notified, burst.latest.id)) return;
    if (this.silent) this.#inApp(burst);
    if (!this.settings.desktop || this.#attended() || this.#tabRole() === 'follower') return;
    const shown = this.#shown.get(burst.liveChatId);
    const count = (shown?.count ?? 0) + burst.count;
    shown?.notification?.close();
    // Plain text the system shows: each name and message in a bidi isolate of its own.
    const { title, body } = alertText(
      count,
      burst.latest,
      this.#locale(),
      this.#client,
      isolateText,
    );
    const tag = alertTag(count, burst.latest);
    const notification = this.#showNotification(title, { body, tag }, burst.latest);
    this.#shown.set(burst.liveChatId, { notification, count });
  }

  /** Hands `burst` to the in-app listeners, or holds it until one listens. */
  #inApp(burst: AlertBurst): void {
    if (this.#inAppListeners.size > 0) {
      for (const listener of this.#inAppListeners) listener(burst);
      return;
    }
    const held = this.#heldInApp.get(burst.liveChatId);
    // Deleted first, so that the live chat heard from last is the last to be forgotten.
    this.#heldInApp.delete(burst.liveChatId);
    this.#heldInApp.set(
      burst.liveChatId,
      held
        ? {
            ...burst,
            count: held.count + burst.count,
            sessionCount: held.sessionCount + burst.sessionCount,
          }
        : burst,
    );
    if (this.#heldInApp.size > HELD_IN_APP_LIMIT)
      this.#heldInApp.delete(this.#heldInApp.keys().next().value as string);
  }

  /** Shows a notification whose click focuses the page and opens `alert`'s session. */
  #showNotification(
    title: string,
    options: { body: string; tag: string },
    alert: Alert,
  ): NotificationLike | undefined {
    const Notification = this.#env.Notification;
    if (!Notification || Notification.permission !== 'granted') return undefined;
    try {
      const notification = new Notification(title, { ...options, lang: this.#locale() });
      notification.onclick = () => {
        this.#env.window?.focus?.();
        if (this.options.onOpen) this.options.onOpen(alert);
        else if (this.host)
          this.host.dispatchEvent(sessionOpenEvent({ sessionId: alert.sessionId }));
        notification.close();
      };
      return notification;
    } catch {
      // Some browsers only allow notifications from a service worker: the other alerts still ran.
      return undefined;
    }
  }

  #writeBadge(): void {
    const document = this.#env.document;
    if (!document) return;
    // The page changed its own title since we last wrote: that is the new base.
    if (this.#baseTitle === undefined || document.title !== this.#writtenTitle)
      this.#baseTitle = document.title;
    this.#writtenTitle = translate(this.#locale(), 'alerts.title-badge', {
      count: this.#unseen,
      title: this.#baseTitle,
    });
    document.title = this.#writtenTitle;
  }

  #clearBadge(): void {
    this.#unseen = 0;
    const document = this.#env.document;
    if (document && this.#baseTitle !== undefined && document.title === this.#writtenTitle)
      document.title = this.#baseTitle;
    this.#baseTitle = undefined;
    this.#writtenTitle = undefined;
  }

  readonly #handleAttention = (): void => {
    if (!this.#attended()) return;
    this.#clearBadge();
    // The user looks again: the next notification counts from here.
    this.#shown.clear();
  };

  readonly #handleGesture = (): void => {
    if (!this.#client || this.#sound.unlocked || !this.settings.sound) return;
    this.#sound.unlock();
  };

  readonly #handleStorage = (event: Event): void => {
    if ((event as StorageEvent).key !== this.#storageKey) return;
    const settings = this.settings;
    if (!settings.titleBadge) this.#clearBadge();
    for (const listener of this.#listeners) listener(settings);
  };
}
