import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that the shown report changed. */
export const REPORT_CHANGED = 'live-chat-report-changed';

/** The two reports. */
export type ReportKind = 'operators-performance' | 'live-chat-performance';

/** Detail of `live-chat-report-changed`. */
export interface ReportChangedDetail {
  report: ReportKind;
  liveChatId?: string;
  /** First day of the period, `YYYY-MM-DD`. */
  from: string;
  /** Last day of the period (included), `YYYY-MM-DD`. */
  to: string;
}

/** `live-chat-report-changed`, a fact: the user picked another report, live chat or period. */
export function reportChangedEvent(detail: ReportChangedDetail): CustomEvent<ReportChangedDetail> {
  return createLiveChatEvent(REPORT_CHANGED, detail, 'fact');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-report-changed': CustomEvent<ReportChangedDetail>;
  }
}
