/**
 * Test doubles for the browser parts the {@link AlertsController} uses: Web Audio, the
 * Notification API, the document's visibility, focus and title, the window, and storage.
 * Used by the alerts and alert-settings tests; usable by any host test.
 */
import type {
  AlertsDocument,
  AlertsEnvironment,
  AlertsWindow,
  NotificationConstructorLike,
  NotificationLike,
} from './alerts-controller.js';
import type { AudioContextLike, AudioParamLike, GainLike, OscillatorLike } from './alert-sound.js';

class FakeParam implements AudioParamLike {
  value = 0;
  setValueAtTime(): this {
    return this;
  }
  exponentialRampToValueAtTime(): this {
    return this;
  }
}

/** A fake audio context recording the tones it was asked to play. */
export class FakeAudioContext implements AudioContextLike {
  state = 'running';
  currentTime = 0;
  readonly destination = {};
  /** Frequencies of started oscillators, in order. */
  readonly tones: number[] = [];

  async resume(): Promise<void> {
    this.state = 'running';
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }

  createOscillator(): OscillatorLike {
    const frequency = new FakeParam();
    const tones = this.tones;
    return {
      type: 'sine',
      frequency,
      connect: () => undefined,
      start: () => void tones.push(frequency.value),
      stop: () => undefined,
    };
  }

  createGain(): GainLike {
    return { gain: new FakeParam(), connect: () => undefined };
  }
}

/** `text` without the bidi isolate characters (U+2066–U+2069). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

/** A fake `Notification` constructor with a settable permission and a scripted answer to requests. */
export function fakeNotifications(
  permission: NotificationPermission,
  answer: NotificationPermission = 'granted',
) {
  const shown: FakeNotification[] = [];
  class FakeNotification implements NotificationLike {
    static permission: NotificationPermission = permission;
    static requests = 0;
    static async requestPermission(): Promise<NotificationPermission> {
      FakeNotification.requests++;
      FakeNotification.permission = answer;
      return answer;
    }
    onclick: ((event: Event) => unknown) | null = null;
    closed = false;
    /** The title and options as the system gets them, bidi isolates included. */
    readonly raw: { title: string; options?: NotificationOptions };
    /** The title as a reader sees it (without the invisible isolates), for readable assertions. */
    readonly title: string;
    readonly options?: NotificationOptions;
    constructor(title: string, options?: NotificationOptions) {
      this.raw = { title, ...(options && { options }) };
      this.title = withoutIsolates(title);
      if (options) {
        this.options =
          options.body === undefined
            ? options
            : { ...options, body: withoutIsolates(options.body) };
      }
      shown.push(this);
    }
    close(): void {
      this.closed = true;
    }
  }
  return {
    Notification: FakeNotification as typeof FakeNotification & NotificationConstructorLike,
    shown,
  };
}

/** An event target that counts the listeners added to it and not removed. */
export class ListenerCountingTarget extends EventTarget {
  /** Listeners added and not removed. */
  listeners = 0;

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

/** A document whose visibility, focus and title a test controls; counts its listeners. */
export class FakeDocument extends ListenerCountingTarget implements AlertsDocument {
  title = 'Live chats';
  visibilityState: DocumentVisibilityState = 'visible';
  focused = true;

  hasFocus(): boolean {
    return this.focused;
  }

  /** Makes the page hidden or visible (and unfocused or focused) and fires the events a browser fires. */
  setAttended(attended: boolean, window?: EventTarget): void {
    this.visibilityState = attended ? 'visible' : 'hidden';
    this.focused = attended;
    this.dispatchEvent(new Event('visibilitychange'));
    window?.dispatchEvent(new Event(attended ? 'focus' : 'blur'));
  }
}

/** A window that counts its listeners and records `focus()` calls. */
export class FakeWindow extends ListenerCountingTarget implements AlertsWindow {
  focusCalls = 0;

  focus(): void {
    this.focusCalls++;
  }
}

/** An in-memory `Storage`. */
export class FakeStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** A complete fake environment plus handles on each fake. */
export function fakeEnvironment(
  options: { permission?: NotificationPermission; answer?: NotificationPermission } = {},
) {
  const document = new FakeDocument();
  const window = new FakeWindow();
  const storage = new FakeStorage();
  const audio: FakeAudioContext[] = [];
  const notifications = fakeNotifications(options.permission ?? 'granted', options.answer);
  let time = 0;
  const environment: AlertsEnvironment = {
    document,
    window,
    storage,
    Notification: notifications.Notification,
    createAudioContext: () => {
      const context = new FakeAudioContext();
      audio.push(context);
      return context;
    },
    now: () => time,
  };
  return {
    environment,
    document,
    window,
    storage,
    audio,
    notifications,
    /** Moves the fake clock forward. */
    advance(ms: number) {
      time += ms;
    },
    /** Tones played by every audio context created so far. */
    tones: () => audio.flatMap((context) => context.tones),
  };
}
