/**
 * The inbound webhook: `POST /channels/{channelId}/messages`. A provider (a messenger bridge, a
 * mail gateway) posts one customer message per request, signed with the channel's secret. The
 * message goes through the engine's customer-write path, exactly as a customer of the memory
 * backend writing in: it continues the customer's open session, reopens their closed one, or
 * starts a new queued one, and alerts the live chat's operators. A provider message id already
 * received is acknowledged again and stored once.
 *
 * Written once for both stores (a generator, as the engine's rules are): on SQLite a request
 * runs synchronously inside a group commit, on PostgreSQL each step awaits the database. Two
 * instances receiving the same message at once store it once: the new customer's id comes from
 * the external account (both write the same customer), on PostgreSQL the customer's row lock
 * makes the second write of the same `clientMessageId` wait for the first and find its message,
 * and the inbound record's key admits one of them.
 *
 * A message may carry files (`attachments`, base64): each is checked against the backend's
 * policy before anything is stored, so one bad file refuses the whole message and stores
 * nothing. Then the customer is found (or added), the files are stored for them, and the
 * message is written naming them; files a refused or repeated message did not use are removed.
 * The same route takes typing notices (`type: 'typing'`), which are passed on and never stored.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import {
  checkUpload,
  DEFAULT_ATTACHMENT_POLICY,
  type Attachment,
  type AttachmentPolicy,
  type AttachmentUpload,
  type Channel,
  type ErrorCode,
  type Id,
  type Result,
} from '@live-chat/core';
import {
  customerMessageKey,
  drive,
  io,
  MAX_ID_LENGTH,
  type Step,
  type StoreMode,
} from '@live-chat/core/engine';
import type { ChannelEndpoint } from '../config/schema.js';
import type { MetricsRecorder } from '../metrics/index.js';
import { HttpError, readRawBody, sendJson } from '../http.js';
import type { SqlBackend } from '../storage/sql-backend.js';
import { inboundSecret } from './endpoints.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';
import type { ChannelStore } from './store.js';

/** The body of an inbound request (see docs/server.md, "Channels"). */
export interface InboundMessage {
  /** The provider's id of the message: a repeated id is acknowledged and stored once. */
  providerMessageId: string;
  customer: {
    /** The customer's id at the provider (chat id, phone number, e-mail address…). */
    externalId: string;
    name: string;
    /** The handle shown to operators (default: `externalId`). */
    account?: string;
    /** The messenger (default: the endpoint's channel; must match it when given). */
    messenger?: Channel;
  };
  /** The text; may be empty when the message carries files. */
  text: string;
  /** When the customer sent it (ms since the epoch, or an ISO 8601 string); kept for the log. */
  sentAt?: number | string;
  /** Files the customer sent (at most the policy's `perMessage`). */
  attachments?: InboundAttachment[];
}

/** A file of an inbound message. */
export interface InboundAttachment {
  /** The file's name at the provider (cleaned before it is kept). */
  name: string;
  /** Its bytes, base64-encoded (at most the policy's `maxBytes` once decoded). */
  contentBase64: string;
}

/**
 * A typing notice: the customer is typing (`typing: true`) or stopped, posted to the same route
 * as messages. Nothing is stored; a customer the channel does not know yet is ignored.
 */
export interface InboundTyping {
  type: 'typing';
  customer: {
    externalId: string;
    /** The handle, as in a message (default: `externalId`). */
    account?: string;
  };
  typing: boolean;
}

/** What the webhook answers: `201` for a new message, `200` for one already received. */
export interface InboundAnswer {
  messageId: Id;
  sessionId: Id;
  customerId: Id;
  /**
   * `created`, `reopened` or `message` (appended to an open session); absent for duplicates, and
   * when an earlier request with the same id had stored the message (its answer was lost).
   */
  cause?: 'created' | 'reopened' | 'message';
  duplicate: boolean;
}

/** Where the inbound route lives: `/channels/{id}/messages`. */
export const INBOUND_PATH = /^\/channels\/([A-Za-z0-9._-]{1,100})\/messages$/;

function bad(path: string, message: string): never {
  throw new HttpError(400, `${path}: ${message}`);
}

function text(value: unknown, path: string, max: number, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0)
    bad(path, 'must be a non-empty string.');
  if (value.length > max) bad(path, `must be at most ${max} characters.`);
  return value;
}

/** Longest file name an inbound file may give, in characters (it is cleaned and cut after). */
const MAX_INBOUND_FILE_NAME = 1000;

/** Base64 text of at most `maxBytes` bytes. */
function base64Length(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4;
}

/** Checks the files' shape and bounds (their content is checked once decoded). */
function parseAttachments(value: unknown, policy: AttachmentPolicy): InboundAttachment[] {
  if (!Array.isArray(value)) bad('attachments', 'must be a list.');
  if (value.length > policy.perMessage) {
    bad('attachments', `must hold at most ${policy.perMessage} files.`);
  }
  return value.map((item: unknown, index) => {
    const at = `attachments[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      bad(at, 'must be an object.');
    const { name, contentBase64 } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name.length > MAX_INBOUND_FILE_NAME) {
      bad(`${at}.name`, `must be a string of at most ${MAX_INBOUND_FILE_NAME} characters.`);
    }
    if (typeof contentBase64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) {
      bad(`${at}.contentBase64`, 'must be the file in base64.');
    }
    if (contentBase64.length > base64Length(policy.maxBytes)) {
      throw HttpError.typed(422, {
        code: 'VALIDATION',
        message: `${at}: the file is larger than ${policy.maxBytes} bytes.`,
        details: { field: at, reason: 'FILE_TOO_LARGE', maxBytes: policy.maxBytes },
      });
    }
    return { name, contentBase64 };
  });
}

/** Checks a typing notice's shape. */
function parseTyping(body: Record<string, unknown>): InboundTyping {
  const customer = body.customer as Record<string, unknown> | undefined;
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) {
    bad('customer', 'must be an object.');
  }
  const externalId = text(customer.externalId, 'customer.externalId', 320) as string;
  const account = text(customer.account, 'customer.account', 320, true);
  if (typeof body.typing !== 'boolean') bad('typing', 'must be true or false.');
  return {
    type: 'typing',
    customer: { externalId, ...(account !== undefined && { account }) },
    typing: body.typing,
  };
}

/**
 * Checks a body of the route: a message, or a typing notice (`type: 'typing'`); a 400 names the
 * first bad field.
 */
export function parseInboundBody(
  value: unknown,
  endpoint: ChannelEndpoint,
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
): InboundMessage | InboundTyping {
  const type = (value as { type?: unknown } | null)?.type;
  if (type === 'typing') return parseTyping(value as Record<string, unknown>);
  if (type !== undefined && type !== 'message') bad('type', 'must be "message" or "typing".');
  return parseInbound(value, endpoint, policy);
}

/** Checks a message body's shape; a 400 names the first bad field. */
export function parseInbound(
  value: unknown,
  endpoint: ChannelEndpoint,
  policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY,
): InboundMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    bad('body', 'must be a JSON object.');
  }
  const body = value as Record<string, unknown>;
  const providerMessageId = text(body.providerMessageId, 'providerMessageId', 200) as string;
  const customer = body.customer as Record<string, unknown> | undefined;
  if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) {
    bad('customer', 'must be an object.');
  }
  const externalId = text(customer.externalId, 'customer.externalId', 320) as string;
  const name = text(customer.name, 'customer.name', 200) as string;
  const account = text(customer.account, 'customer.account', 320, true);
  const messenger = customer.messenger;
  if (messenger !== undefined && messenger !== endpoint.channel) {
    bad('customer.messenger', `must be "${endpoint.channel}", the channel of this endpoint.`);
  }
  if (typeof body.text !== 'string') bad('text', 'must be a string.');
  const sentAt = body.sentAt;
  if (
    sentAt !== undefined &&
    !(typeof sentAt === 'number' && Number.isFinite(sentAt) && sentAt >= 0) &&
    !(typeof sentAt === 'string' && Number.isFinite(Date.parse(sentAt)))
  ) {
    bad('sentAt', 'must be ms since the epoch or an ISO 8601 date.');
  }
  const attachments =
    body.attachments === undefined ? [] : parseAttachments(body.attachments, policy);
  return {
    providerMessageId,
    customer: { externalId, name, ...(account !== undefined && { account }) },
    text: body.text,
    ...(sentAt !== undefined && { sentAt: sentAt as number | string }),
    ...(attachments.length > 0 && { attachments }),
  };
}

/**
 * The files of a message, decoded and checked against `policy`: the first bad one refuses the
 * whole message (422, a `VALIDATION` error whose `details` name the file and the reason).
 */
function decodeFiles(input: InboundMessage, policy: AttachmentPolicy): AttachmentUpload[] {
  return (input.attachments ?? []).map(({ name, contentBase64 }, index) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    const file = { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    const checked = checkUpload(file, policy);
    if (!checked.ok) {
      const { error } = checked;
      throw HttpError.typed(422, {
        ...error,
        message: `attachments[${index}]: ${error.message}`,
        details: { ...error.details, field: `attachments[${index}]` },
      });
    }
    return file;
  });
}

/** The HTTP status of an engine refusal. */
function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 422;
    case 'NOT_FOUND':
      return 404;
    case 'INVALID_TRANSITION':
    case 'ALREADY_TAKEN':
      return 409;
    default:
      return 500;
  }
}

/**
 * A key unique per endpoint for an external value (a provider message id, an external account),
 * bounded to the engine's id length: `{endpointId}:{value}`, or a hash of the value when long.
 */
function endpointKey(endpoint: ChannelEndpoint, value: string): string {
  const key = `${endpoint.id}:${value}`;
  if (key.length <= MAX_ID_LENGTH) return key;
  return `${endpoint.id}:sha256:${createHash('sha256').update(value).digest('hex')}`;
}

/** The value of an engine answer, or the HTTP error of its refusal. */
function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new HttpError(statusOf(result.error.code), result.error.message);
  return result.value;
}

/** What the inbound route needs of a backend: the customer side, files and direct reads. */
export type InboundBackend = Pick<
  SqlBackend<StoreMode>,
  | 'isDisposed'
  | 'now'
  | 'getSession'
  | 'getCustomer'
  | 'addCustomer'
  | 'customerWrites'
  | 'customerUpload'
  | 'customerTyping'
  | 'attachmentPolicy'
  | 'attachmentStorage'
>;

/**
 * Runs one request's write and settles once it is stored: on SQLite several requests share a
 * commit (`GroupCommit`), on PostgreSQL each runs on its own.
 */
export type WriteRunner = <T>(write: () => T | Promise<T>) => Promise<T>;

/** Options of {@link InboundChannels}. */
export interface InboundOptions {
  maxBodyBytes: number;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  metrics: MetricsRecorder;
  writes: WriteRunner;
}

/** Handles inbound channel requests for one backend. */
export class InboundChannels {
  constructor(
    private readonly backend: InboundBackend,
    private readonly store: ChannelStore,
    private readonly options: InboundOptions,
  ) {}

  /** Answers the request when its path is an inbound route; `false` for other paths. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const match = INBOUND_PATH.exec(path);
    if (!match) return false;
    // Counted once answered, errors (answered by the server) included.
    response.once('finish', () => this.options.metrics.inboundWebhook(response.statusCode));
    if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
    const endpoint = await this.store.endpoint(match[1]);
    if (!endpoint) throw new HttpError(404, `There is no channel "${match[1]}".`);
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new HttpError(415, 'The body must be application/json.');
    }
    const raw = await readRawBody(request, this.options.maxBodyBytes);
    const secret = inboundSecret(endpoint, this.options.env);
    if (!secret) {
      this.options.logger.error({ channelId: endpoint.id }, 'the channel has no secret set');
      throw new HttpError(503, 'The channel is not ready: it has no secret.');
    }
    if (!verifySignature(secret, raw, request.headers[SIGNATURE_HEADER])) {
      this.options.logger.warn({ channelId: endpoint.id }, 'inbound request with a bad signature');
      throw new HttpError(401, 'The X-Live-Chat-Signature header is missing or does not match.');
    }
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'The body is not valid JSON.');
    }
    const body = parseInboundBody(value, endpoint, this.backend.attachmentPolicy);
    if ('type' in body) {
      await this.typing(endpoint, body);
      sendJson(response, 202, { typing: body.typing });
      return true;
    }
    const answer = body.attachments
      ? await this.receiveWithFiles(endpoint, body)
      : await this.options.writes(() => this.receive(endpoint, body));
    sendJson(response, answer.duplicate ? 200 : 201, answer);
    return true;
  }

  /**
   * Stores one inbound message (or finds it stored), through the engine: at once on a
   * synchronous store, with a promise on an asynchronous one. `files` are the ids of files
   * already stored for `customerId` (see the module comment).
   */
  receive(
    endpoint: ChannelEndpoint,
    input: InboundMessage,
    files?: { customerId: Id; attachmentIds: Id[] },
  ): InboundAnswer | Promise<InboundAnswer> {
    if (this.backend.isDisposed) throw new HttpError(503, 'The server is shutting down.');
    return drive(this.receiving(endpoint, input, files));
  }

  /** A message with files (see the module comment). */
  private async receiveWithFiles(
    endpoint: ChannelEndpoint,
    input: InboundMessage,
  ): Promise<InboundAnswer> {
    const { backend, store, options } = this;
    if (!backend.attachmentStorage) {
      throw HttpError.typed(422, {
        code: 'VALIDATION',
        message: 'This server takes no files.',
        details: { field: 'attachments' },
      });
    }
    const uploads = decodeFiles(input, backend.attachmentPolicy);
    // A repeated message stores no second copy of its files.
    if (await store.inbound(endpoint.id, input.providerMessageId)) {
      return options.writes(() => this.receive(endpoint, input));
    }
    if (backend.isDisposed) throw new HttpError(503, 'The server is shutting down.');
    const customerId = await options.writes(() => drive(this.customerFor(endpoint, input)));
    const stored: Attachment[] = [];
    try {
      for (const upload of uploads)
        stored.push(accepted(await backend.customerUpload(customerId, upload)));
      const attachmentIds = stored.map((file) => file.id);
      return await options.writes(() =>
        this.receive(endpoint, input, { customerId, attachmentIds }),
      );
    } finally {
      await this.removeUnsent(stored);
    }
  }

  /** Removes the files the message did not come to carry (refused, or stored before). */
  private async removeUnsent(files: readonly Attachment[]): Promise<void> {
    const storage = this.backend.attachmentStorage;
    if (!storage?.remove) return;
    for (const file of files) {
      try {
        const record = await storage.get(file.id);
        if (record && record.sessionId === undefined) await storage.remove(file.id);
      } catch (error) {
        this.options.logger.warn({ err: error, attachmentId: file.id }, 'an unsent file stayed');
      }
    }
  }

  /** A typing notice: passed to the operators who see the customer's open session, if any. */
  private async typing(endpoint: ChannelEndpoint, notice: InboundTyping): Promise<void> {
    const { backend, store } = this;
    const { externalId } = notice.customer;
    const customerId =
      (await store.linkedCustomer(endpoint.id, externalId)) ??
      (await store.customerWithAccount(endpoint.channel, notice.customer.account ?? externalId));
    if (customerId === undefined) return;
    accepted(await backend.customerTyping(customerId, endpoint.liveChatId, notice.typing));
  }

  private *receiving(
    endpoint: ChannelEndpoint,
    input: InboundMessage,
    files?: { customerId: Id; attachmentIds: Id[] },
  ): Step<InboundAnswer> {
    const { backend, store } = this;
    const seen = yield* io(store.inbound(endpoint.id, input.providerMessageId));
    if (seen) {
      const session = yield* io(backend.getSession(seen.sessionId));
      return {
        messageId: seen.messageId,
        sessionId: seen.sessionId,
        customerId: session?.customerId ?? '',
        duplicate: true,
      };
    }
    const customerId = files?.customerId ?? (yield* this.customerFor(endpoint, input));
    const clientMessageId = endpointKey(endpoint, input.providerMessageId);
    // Written before without its record (the process stopped in between): the same message.
    const storedBefore = yield* io(
      store.holdsMessage(customerId, endpoint.liveChatId, customerMessageKey(clientMessageId)),
    );
    const { message, session, cause } = accepted(
      yield* io(
        backend.customerWrites({
          customerId,
          liveChatId: endpoint.liveChatId,
          channel: endpoint.channel,
          text: input.text,
          clientMessageId,
          ...(files && { attachmentIds: files.attachmentIds }),
        }),
      ),
    );
    const { sentAt } = input;
    const recorded = yield* io(
      store.recordInbound({
        channelId: endpoint.id,
        providerMessageId: input.providerMessageId,
        messageId: message.id,
        sessionId: session.id,
        providerSentAt:
          sentAt === undefined ? null : typeof sentAt === 'number' ? sentAt : Date.parse(sentAt),
        receivedAt: backend.now(),
      }),
    );
    // Of requests with the same id (retries, or the same message on two instances), the one
    // that recorded it answers 201, the others 200.
    const duplicate = !recorded;
    this.options.logger.debug(
      { channelId: endpoint.id, sessionId: session.id, cause, duplicate },
      'inbound channel message',
    );
    return {
      messageId: message.id,
      sessionId: session.id,
      customerId,
      // The engine's cause describes this write only when it stored the message.
      ...(duplicate || storedBefore ? {} : { cause }),
      duplicate,
    };
  }

  /**
   * The customer an external account is: the one linked to it, a directory customer with that
   * account on the channel, or a new one whose id comes from the account (so two instances
   * adding it at once add the same customer).
   */
  private *customerFor(endpoint: ChannelEndpoint, input: InboundMessage): Step<Id> {
    const { backend, store } = this;
    const { externalId, name } = input.customer;
    const account = input.customer.account ?? externalId;
    const linked = yield* io(store.linkedCustomer(endpoint.id, externalId));
    if (linked !== undefined && (yield* io(backend.getCustomer(linked)))) return linked;
    let customerId = yield* io(store.customerWithAccount(endpoint.channel, account));
    if (customerId === undefined) {
      customerId = endpointKey(endpoint, externalId);
      if (!(yield* io(backend.getCustomer(customerId)))) {
        accepted(
          yield* io(
            backend.addCustomer({
              id: customerId,
              kind: 'external',
              name,
              account,
              messenger: endpoint.channel,
            }),
          ),
        );
      }
    }
    yield* io(store.linkCustomer(endpoint.id, externalId, customerId));
    return customerId;
  }
}
