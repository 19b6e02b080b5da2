/**
 * Test support: POSTs to a channel's inbound route as a provider would, signed with the
 * channel's secret (or a given signature, or none).
 */
import { signBody } from '../signature.js';
import { CHANNEL_SECRET, TELEGRAM_ENDPOINT } from './channel-config.js';

/** How to sign and where to post. */
export interface InboundPostOptions {
  /** The secret to sign with (default: the test channels' secret). */
  secret?: string;
  /** A signature header of the test's own; `null`: none at all. */
  signature?: string | null;
  /** The endpoint (default: the Telegram endpoint). */
  channel?: string;
}

/** POSTs `body` (JSON, or a string as it is) to `serverUrl`'s inbound route of a channel. */
export async function postInbound(
  serverUrl: string,
  body: unknown,
  options: InboundPostOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.signature !== null) {
    headers['x-live-chat-signature'] =
      options.signature ?? signBody(options.secret ?? CHANNEL_SECRET, text);
  }
  const channel = options.channel ?? TELEGRAM_ENDPOINT;
  const response = await fetch(`${serverUrl}/channels/${channel}/messages`, {
    method: 'POST',
    headers,
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
