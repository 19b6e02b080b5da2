/**
 * Cross-origin requests from browsers: the workspace may be served from another origin than the
 * server (the host's portal). The server's HTTP routes that a workspace calls answer such
 * requests for the origins it allows: any origin when none are configured (requests carry a
 * bearer token, never a cookie, so a foreign page gains nothing it did not already hold), else
 * only the configured ones. The same list guards WebSocket upgrades.
 */

/**
 * Checks `origins` (each `scheme://host[:port]`, as a browser sends it in `Origin`); throws a
 * `TypeError` naming the first bad one.
 */
export function checkOrigins(origins: readonly string[]): readonly string[] {
  if (!Array.isArray(origins)) throw new TypeError('allowedOrigins must be a list of origins.');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new TypeError(
        `allowedOrigins: "${String(origin)}" is not an origin like https://portal.example.com (scheme, host and port only).`,
      );
    }
  }
  return Object.freeze([...origins]);
}

/** Whether a request from `origin` (its `Origin` header) may be answered. */
export function originAllowed(
  origin: string | undefined,
  allowed: readonly string[] | undefined,
): boolean {
  return origin === undefined || allowed === undefined || allowed.includes(origin);
}

/** The CORS headers of an answer to a request from `origin` (none for a same-origin request). */
export function corsHeaders(
  origin: string | undefined,
  allowed: readonly string[] | undefined,
  methods: string,
): Record<string, string> {
  if (origin === undefined || !originAllowed(origin, allowed)) return {};
  return {
    'access-control-allow-origin': allowed === undefined ? '*' : origin,
    vary: 'Origin',
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-expose-headers': 'content-disposition, retry-after',
    'access-control-max-age': '600',
  };
}
