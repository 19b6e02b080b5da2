/**
 * Files of operator messages for channels: the outbound payload lists each file with a `url` a
 * messenger bridge fetches without a token. The URL is signed with the channel's outbound
 * secret (HMAC-SHA256, as webhook bodies are) and expires:
 *
 * ```text
 * GET /channels/{channelId}/attachments/{attachmentId}?expires=<ms since the epoch>&signature=<hex>
 * signature = HMAC-SHA256(secret, "{channelId}\n{attachmentId}\n{expires}")
 * ```
 *
 * The route serves a file only while the link holds, only to the channel it was made for, and
 * only when the file belongs to a session of that channel's live chat and channel; it answers
 * like every file answer of the server (a download of opaque bytes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Id } from '@live-chat/core';
import type { StoreMode } from '@live-chat/core/engine';
import { isAttachmentId } from '../attachments/disk-storage.js';
import { sendFile } from '../attachments/send-file.js';
import type { ChannelEndpoint } from '../config/schema.js';
import { HttpError } from '../http.js';
import type { SqlBackend } from '../storage/sql-backend.js';
import { outboundSecret } from './endpoints.js';
import { signBody, verifySignature } from './signature.js';
import type { ChannelStore } from './store.js';

/** Where a file link leads: `/channels/{channelId}/attachments/{attachmentId}`. */
export const ATTACHMENT_LINK_PATH =
  /^\/channels\/([A-Za-z0-9._-]{1,100})\/attachments\/([^/]{1,200})$/;

/** How long a file link holds by default, in ms (an hour). */
export const DEFAULT_LINK_TTL_MS = 60 * 60 * 1000;

/** The text a link's signature covers. */
const signedText = (channelId: string, attachmentId: Id, expires: number) =>
  `${channelId}\n${attachmentId}\n${expires}`;

/** The signed link of a file for a channel, under the server's public `baseUrl`. */
export function attachmentLink(
  baseUrl: string,
  secret: string,
  channelId: string,
  attachmentId: Id,
  expires: number,
): string {
  const signature = signBody(secret, signedText(channelId, attachmentId, expires)).slice(7);
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/channels/${encodeURIComponent(channelId)}/attachments/${encodeURIComponent(attachmentId)}?expires=${expires}&signature=${signature}`;
}

/** Why a link does not hold, or `undefined` when it does. */
export function linkProblem(
  secret: string,
  channelId: string,
  attachmentId: Id,
  expires: string | null,
  signature: string | null,
  now: number,
): 'LINK_FORGED' | 'LINK_EXPIRED' | undefined {
  if (expires === null || !/^\d{1,16}$/.test(expires) || signature === null) return 'LINK_FORGED';
  const text = Buffer.from(signedText(channelId, attachmentId, Number(expires)));
  if (!verifySignature(secret, text, `sha256=${signature}`)) return 'LINK_FORGED';
  return Number(expires) <= now ? 'LINK_EXPIRED' : undefined;
}

/** What the link route needs of a backend. */
export type LinkBackend = Pick<SqlBackend<StoreMode>, 'getSession' | 'now' | 'attachmentStorage'>;

/** Refuses a link: the same answer for every reason but expiry, so a prober learns nothing. */
function refused(reason: 'LINK_FORGED' | 'LINK_EXPIRED'): HttpError {
  return HttpError.typed(403, {
    code: 'FORBIDDEN',
    message: reason === 'LINK_EXPIRED' ? 'The link has expired.' : 'The link is not valid.',
    details: { reason },
  });
}

/** Answers a file link's request when the path is one; `false` for other paths. */
export async function serveAttachmentLink(
  backend: LinkBackend,
  store: ChannelStore,
  env: NodeJS.ProcessEnv | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = ATTACHMENT_LINK_PATH.exec(path);
  if (!match) return false;
  if (request.method !== 'GET') {
    response.setHeader('allow', 'GET');
    throw new HttpError(405, 'Use GET.');
  }
  const [, channelId, rawId] = match as unknown as [string, string, string];
  let attachmentId: string;
  try {
    attachmentId = decodeURIComponent(rawId);
  } catch {
    attachmentId = rawId;
  }
  const endpoint: ChannelEndpoint | undefined = await store.endpoint(channelId);
  const secret = endpoint?.outbound ? outboundSecret(endpoint, env) : undefined;
  if (!endpoint || !secret) throw refused('LINK_FORGED');
  const url = new URL(request.url ?? '/', 'http://localhost');
  const problem = linkProblem(
    secret,
    channelId,
    attachmentId,
    url.searchParams.get('expires'),
    url.searchParams.get('signature'),
    backend.now(),
  );
  if (problem) throw refused(problem);
  const storage = backend.attachmentStorage;
  const record =
    storage && isAttachmentId(attachmentId) ? await storage.get(attachmentId) : undefined;
  const session = record?.sessionId ? await backend.getSession(record.sessionId) : undefined;
  const bytes =
    session?.liveChatId === endpoint.liveChatId && session.channel === endpoint.channel
      ? await storage?.read(attachmentId)
      : undefined;
  if (!record || !bytes) {
    throw HttpError.typed(404, { code: 'NOT_FOUND', message: 'There is no such file.' });
  }
  sendFile(response, record.attachment, bytes);
  return true;
}
