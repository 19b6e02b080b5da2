/**
 * Authentication: every socket proves who it speaks for with a JWT minted by the host's portal,
 * verified with `jose` against a shared secret (HS256) or the keys of a JWKS URL.
 */
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { CLOSE_CODES } from '@live-chat/adapters';

/** Claims checks common to both kinds of key. */
interface TokenChecks {
  /** Required `iss` (one of these, when a list). */
  issuer?: string | string[];
  /** Required `aud` (one of these, when a list). */
  audience?: string | string[];
  /** Leeway for `exp` and `nbf`, in seconds (default 5). */
  clockToleranceSec?: number;
}

/** Tokens signed with HS256 and a secret shared with the host's portal. */
export interface SecretAuthOptions extends TokenChecks {
  /** The shared secret: at least 32 bytes (a random 256-bit value, e.g. `openssl rand -hex 32`). */
  secret: string | Uint8Array;
}

/** Tokens signed with an asymmetric key published at a JWKS URL (e.g. your identity provider's). */
export interface JwksAuthOptions extends TokenChecks {
  /** Where the public keys are, e.g. `https://id.example.com/.well-known/jwks.json`. */
  jwksUrl: string | URL;
  /** Accepted algorithms (default RS256, RS384, RS512, PS256, ES256, ES384, EdDSA). */
  algorithms?: string[];
}

/** How the server verifies tokens. */
export type AuthOptions = SecretAuthOptions | JwksAuthOptions;

/** A verified token: who it speaks for, and until when. */
export interface VerifiedToken {
  /** The token's `sub`. */
  userId: string;
  /** The token's `exp`, in ms since the epoch. */
  expiresAt: number;
}

/** Why a token was not accepted, as the close code and reason the socket is closed with. */
export interface TokenRefusal {
  /** 4401 (expired), 4403 (refused) or 1013 (the keys could not be fetched: try again later). */
  closeCode: number;
  /** A sentence for the client (at most 123 bytes: a close reason's limit). */
  reason: string;
}

/** Verifies a token: the user it names, or why it is refused. */
export type TokenVerifier = (
  token: string,
) => Promise<{ ok: true; value: VerifiedToken } | { ok: false; error: TokenRefusal }>;

/** Longest user id a token may name. */
export const MAX_USER_ID_LENGTH = 128;

const DEFAULT_JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** The secret as bytes; throws a `TypeError` when it is shorter than 32 bytes. */
export function secretKey(secret: string | Uint8Array): Uint8Array {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (key.length < 32) {
    throw new TypeError('auth.secret must be at least 32 bytes long (e.g. openssl rand -hex 32).');
  }
  return key;
}

/** Whether the options use a shared secret. */
export function isSecretAuth(options: AuthOptions): options is SecretAuthOptions {
  return 'secret' in options && options.secret !== undefined;
}

/**
 * A {@link TokenVerifier} for `options`. A token must be a JWT with `sub` (the user id, at most
 * 128 characters) and `exp`, signed by the configured key, with `iss` and `aud` as configured.
 */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (isSecretAuth(options)) {
    key = secretKey(options.secret);
    algorithms = ['HS256'];
  } else if ('jwksUrl' in options && options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = options.algorithms ?? DEFAULT_JWKS_ALGORITHMS;
  } else {
    throw new TypeError('auth needs either `secret` or `jwksUrl`.');
  }
  const verifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSec ?? 5,
    requiredClaims: ['sub', 'exp'],
  };
  return async (token) => {
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      const userId = payload.sub;
      if (!userId || userId.length > MAX_USER_ID_LENGTH) {
        return refuse(CLOSE_CODES.TOKEN_REJECTED, 'The token names no valid user (sub).');
      }
      return { ok: true, value: { userId, expiresAt: (payload.exp as number) * 1000 } };
    } catch (error) {
      return { ok: false, error: refusalFor(error) };
    }
  };
}

function refuse(closeCode: number, reason: string): { ok: false; error: TokenRefusal } {
  return { ok: false, error: { closeCode, reason } };
}

/** The close code and reason for an error of `jwtVerify`. */
function refusalFor(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) {
    return { closeCode: CLOSE_CODES.TOKEN_EXPIRED, reason: 'The token has expired.' };
  }
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    // The key set could not be fetched: not the token's fault.
    return {
      closeCode: CLOSE_CODES.TRY_AGAIN_LATER,
      reason: 'The keys to verify the token are unavailable; try again later.',
    };
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return {
      closeCode: CLOSE_CODES.TOKEN_REJECTED,
      reason: `The token was refused: claim "${error.claim}" ${error.reason === 'missing' ? 'is missing' : 'is not accepted'}.`,
    };
  }
  return {
    closeCode: CLOSE_CODES.TOKEN_REJECTED,
    reason: 'The token was refused: bad signature or format.',
  };
}

/** Options of {@link mintToken}. */
export interface MintTokenOptions {
  /** The secret shared with the server (its `auth.secret`). */
  secret: string | Uint8Array;
  /** Whom the token speaks for (its `sub`). */
  userId: string;
  /** Lifetime in seconds (default 3,600). */
  ttlSec?: number;
  /** `iss`, when the server checks it. */
  issuer?: string;
  /** `aud`, when the server checks it. */
  audience?: string;
  /** The clock, in ms since the epoch (default `Date.now()`). */
  now?: number;
}

/**
 * Mints an HS256 token the server accepts: what a host's portal does for a signed-in operator
 * (and the dev token endpoint does for anyone). Resolves the compact JWT.
 */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  const nowSec = Math.floor((options.now ?? Date.now()) / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.userId)
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + (options.ttlSec ?? 3600));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(secretKey(options.secret));
}
