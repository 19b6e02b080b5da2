import type { Alert, LiveChatClient } from '@live-chat/core';
import { translate } from '../../i18n/catalogue.js';
import './alerts.messages.js';

/** What an alert says: a title and a body (empty when the alert withholds the message). */
export interface AlertText {
  title: string;
  body: string;
}

/** The name of the alert's live chat (its id while the client does not know it). */
function liveChatName(alert: Alert, client: LiveChatClient | undefined): string {
  return client?.getLiveChat?.(alert.liveChatId)?.name ?? alert.liveChatId;
}

/**
 * What `count` alerts of a live chat ending with `latest` say, in `locale`: one alert names its
 * customer and shows the message ("New message from Vera Quinn"), a colleague's note names its
 * author ("Anna Kowalski mentioned you"), several say how many ("3 new requests in Support")
 * with the latest. An alert that withholds the customer and message (the user may not open the
 * session) says only "New message in Support". Desktop notifications and the in-app alert both
 * say this. `isolate` wraps each name and text the components do not control: plain-text
 * isolates for a desktop notification (see `isolateText`), nothing where the caller isolates
 * them in its own markup.
 */
export function alertText(
  count: number,
  latest: Alert,
  locale: string,
  client: LiveChatClient | undefined,
  isolate: (text: string) => string = (text) => text,
): AlertText {
  const customer = latest.customerName === undefined ? undefined : isolate(latest.customerName);
  const preview = latest.preview === undefined ? undefined : isolate(latest.preview);
  const withheld = customer === undefined || preview === undefined;
  if (count > 1) {
    const title = translate(locale, 'alerts.summary-title', {
      count,
      liveChat: isolate(liveChatName(latest, client)),
    });
    return {
      title,
      body: withheld ? '' : translate(locale, 'alerts.summary-body', { customer, preview }),
    };
  }
  if (latest.kind === 'mention') {
    const author = latest.mentionedBy && client?.getUser?.(latest.mentionedBy)?.name;
    const title = translate(locale, 'alerts.mention-title', {
      author: author ? isolate(author) : translate(locale, 'alerts.someone'),
    });
    return { title, body: preview ?? '' };
  }
  if (withheld) {
    const liveChat = isolate(liveChatName(latest, client));
    return { title: translate(locale, 'alerts.withheld-title', { liveChat }), body: '' };
  }
  return { title: translate(locale, 'alerts.notification-title', { customer }), body: preview };
}

/** The desktop notification's tag: one per session, per mentioning note, or per live chat's burst. */
export function alertTag(count: number, latest: Alert): string {
  if (count > 1) return `live-chat-requests-${latest.liveChatId}`;
  return `live-chat-${latest.kind === 'mention' ? 'mention' : 'session'}-${latest.sessionId}`;
}
