/**
 * Test support: makes the page's `navigator.onLine` say the browser is offline, and lets it
 * tell the truth again. No `online` or `offline` event is sent: a test that needs one sends it.
 */

/** Makes the browser say it is offline (`navigator.onLine`), until {@link sayOnline}. */
export function sayOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
}

/** Lets the browser say again whether it is online. */
export function sayOnline(): void {
  delete (navigator as { onLine?: boolean }).onLine;
}
