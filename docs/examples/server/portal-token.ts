import { SignJWT } from 'jose';

/**
 * Your portal's side: after it signed the operator in, it hands the workspace a short-lived
 * token for the live chat server. `sub` is the operator's user id in the live chat directory;
 * the secret is the one the server was started with (never sent to the browser).
 */
export async function liveChatToken(userId: string, secret: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(new TextEncoder().encode(secret));
}
