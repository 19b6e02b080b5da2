import { html, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DEFAULT_WAITING_THRESHOLDS, type LiveChat, type WaitingThresholds } from '@live-chat/core';
import { ClockController } from '../controllers/clock.js';
import type { Translate } from '../i18n/catalogue.js';
import { formatDateTime, formatDuration } from '../shared/format.js';

/** How long a wait is, against the live chat's thresholds: in time, long (amber), too long (red). */
export type WaitingLevel = 'fresh' | 'warn' | 'alarm';

/** The thresholds of `liveChat`, or {@link DEFAULT_WAITING_THRESHOLDS} when it sets none. */
export function waitingThresholds(liveChat: LiveChat | undefined): Readonly<WaitingThresholds> {
  return liveChat?.waitingThresholds ?? DEFAULT_WAITING_THRESHOLDS;
}

/** The level of a wait of `waitedMs`: `alarm` from `alarmAfterMs` on, `warn` from `warnAfterMs`. */
export function waitingLevel(waitedMs: number, thresholds: WaitingThresholds): WaitingLevel {
  if (waitedMs >= thresholds.alarmAfterMs) return 'alarm';
  if (waitedMs >= thresholds.warnAfterMs) return 'warn';
  return 'fresh';
}

/** An hourglass (a long wait) and a warning sign (too long), drawn in the text's colour. */
const ICONS: Record<Exclude<WaitingLevel, 'fresh'>, TemplateResult> = {
  warn: svg`<path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/>`,
  alarm: svg`<path d="M8 1.5 15 14H1Z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v3.6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/><circle cx="8" cy="11.7" r="0.9" fill="currentColor"/>`,
};

/**
 * How long a queued customer has waited, since `queuedAt` as of `now`: the duration ("3 min
 * 12 s") with, past the thresholds, an icon and a colour (amber, then red), and the whole
 * sentence ("Waiting 3 min 12 s, a long wait") for screen readers and as the tooltip, so that
 * colour is never the only signal.
 */
export function renderWaiting(
  queuedAt: number,
  now: number,
  thresholds: WaitingThresholds,
  locale: string,
  t: Translate,
): TemplateResult {
  const waited = Math.max(0, now - queuedAt);
  const level = waitingLevel(waited, thresholds);
  const duration = formatDuration(waited, locale);
  const sentence = t(`session-list.waiting.${level}`, { duration });
  return html`<span
    part="waiting waiting-${level}"
    class="time waiting ${level}"
    data-level=${level}
    title="${sentence} · ${formatDateTime(queuedAt, locale)}"
    >${level === 'fresh' ? '' : html`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">${ICONS[level]}</svg>`}<span
      aria-hidden="true"
      >${duration}</span
    ><span class="visually-hidden">${sentence}</span></span
  >`;
}

/** How often waiting times are refreshed: every second. */
const WAITING_TICK_MS = 1000;

/**
 * A one-second clock for a list's waiting times, running only while {@link follow} says so
 * (the Queue): one timer for the list, never one per row.
 */
export class WaitingClock {
  #clock: ClockController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Milliseconds since the epoch as of the last tick; 0 while the clock is stopped. */
  get now(): number {
    return this.#clock?.now ?? 0;
  }

  /** Starts the clock (`true`) or stops it and lets it go (`false`). */
  follow(running: boolean): void {
    if (running === (this.#clock !== undefined)) return;
    if (this.#clock) {
      this.#clock.hostDisconnected();
      this.host.removeController(this.#clock);
      this.#clock = undefined;
    } else {
      this.#clock = new ClockController(this.host, WAITING_TICK_MS);
    }
  }
}
