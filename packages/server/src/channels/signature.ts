/**
 * Webhook signatures: `X-Live-Chat-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw request
 * body with the channel's secret. Inbound requests are checked with it, outbound ones carry it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature (lower case, as Node reports headers). */
export const SIGNATURE_HEADER = 'x-live-chat-signature';

/** The signature header's value for `body`: `sha256=` and the hex HMAC-SHA256. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs `body` to `url`, signed with `secret`, with `headers` besides; aborted through
 * `controller` after `timeoutMs`. Resolves the answer's status once its body was read; rejects
 * when no answer came (`controller.signal.aborted` tells a timeout).
 */
export async function postSigned(
  fetchFn: typeof fetch,
  url: string,
  secret: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  controller: AbortController = new AbortController(),
): Promise<number> {
  const timeout = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(secret, body),
        ...headers,
      },
      body,
      signal: controller.signal,
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  } finally {
    clearTimeout(timeout);
  }
}

/** Whether `header` is the signature of `body` with `secret` (compared in constant time). */
export function verifySignature(
  secret: string,
  body: Buffer,
  header: string | string[] | undefined,
): boolean {
  if (typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
