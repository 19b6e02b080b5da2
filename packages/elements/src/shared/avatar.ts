/**
 * Which avatar images the components load. An avatar URL comes from the directory (a customer's
 * or a user's `avatarUrl`): whoever wrote it, it is not the page's to trust. The image is
 * loaded only from an absolute `https:` URL (`http:` too when the host allows it, for
 * development), without a referrer; a relative URL, which would be a request to the page's own
 * origin with its cookies, a `data:` or `javascript:` URL, or anything that does not parse,
 * shows initials instead. A host can rewrite every URL first, e.g. through its own image proxy.
 */

/** Whose avatar a URL is, for a host's {@link AvatarUrlHook}. */
export interface AvatarOwner {
  /** The customer's or user's id. */
  id: string;
  /** Their name, as the directory has it. */
  name: string;
}

/**
 * A host's rewrite of avatar URLs: gets each URL as the directory has it and returns the URL to
 * load instead (a proxy's, say), or `undefined` or `null` for initials. What it returns is held
 * to the same rules as the original (absolute `https:`; `http:` only when allowed).
 */
export type AvatarUrlHook = (url: string, owner: AvatarOwner) => string | null | undefined;

/** How the components load avatars: what `<live-chat-workspace>` passes down to them. */
export interface AvatarOptions {
  /** Rewrites each avatar URL before it is checked and loaded (see {@link AvatarUrlHook}). */
  rewrite?: AvatarUrlHook;
  /** Accept `http:` avatar URLs as well as `https:` ones: for development only. */
  allowHttp?: boolean;
}

/**
 * The URL to load `url`, the avatar of `owner`, from, or `undefined` for initials: the host's
 * rewrite of it (if any), when that is an absolute `https:` URL (or `http:` with `allowHttp`).
 * A rewrite that throws counts as none: initials.
 */
export function avatarSource(
  url: string | undefined,
  owner: AvatarOwner,
  options: AvatarOptions = {},
): string | undefined {
  if (!url) return undefined;
  let source: string | null | undefined = url;
  if (options.rewrite) {
    try {
      source = options.rewrite(url, owner);
    } catch {
      return undefined;
    }
  }
  if (typeof source !== 'string' || source === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(source); // no base: a relative URL throws
  } catch {
    return undefined;
  }
  const allowed =
    parsed.protocol === 'https:' || (options.allowHttp && parsed.protocol === 'http:');
  return allowed ? parsed.href : undefined;
}
