import { cleanFileName } from '@live-chat/core';

/** How long the object URL of a saved file lives: long enough for the browser to start saving. */
const SAVED_URL_LIFETIME_MS = 60_000;

/**
 * Saves `blob` as a file named `name` (cleaned again with `cleanFileName`): through a link with
 * `download` to an object URL of the bytes typed `application/octet-stream`, so the browser
 * saves them and never opens or renders them in the page, whatever they hold. The link is put
 * in `container` (a shadow root) only for the click. The URL is revoked after a minute, or
 * earlier by the caller: it is added to `urls`, and taken out when revoked.
 */
export function saveFile(container: ParentNode, blob: Blob, name: string, urls: Set<string>): void {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  urls.add(url);
  const link = document.createElement('a');
  link.href = url;
  link.download = cleanFileName(name);
  link.rel = 'noopener';
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => revokeUrls(urls, url), SAVED_URL_LIFETIME_MS);
}

/** `bytes` as a Blob of `type` (none by default: saved files get theirs in {@link saveFile}). */
export function blobOf(bytes: Uint8Array, type = ''): Blob {
  // A download's bytes are never in a SharedArrayBuffer.
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

/** Revokes the object URLs of `urls` (only `url`, when given) and forgets them. */
export function revokeUrls(urls: Set<string>, url?: string): void {
  for (const each of url === undefined ? [...urls] : urls.has(url) ? [url] : []) {
    URL.revokeObjectURL(each);
    urls.delete(each);
  }
}
