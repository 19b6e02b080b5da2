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
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Channel, ErrorCode, Id, Result } from '@live-chat/core';
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
  text: string;
  /** When the customer sent it (ms since the epoch, or an ISO 8601 string); kept for the log. */
  sentAt?: number | string;
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

/** Checks the body's shape; a 400 names the first bad field. */
export function parseInbound(value: unknown, endpoint: ChannelEndpoint): InboundMessage {
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
  return {
    providerMessageId,
    customer: { externalId, name, ...(account !== undefined && { account }) },
    text: body.text,
    ...(sentAt !== undefined && { sentAt: sentAt as number | string }),
  };
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

/** What the inbound route needs of a backend: the customer side and direct reads. */
export type InboundBackend = Pick<
  SqlBackend<StoreMode>,
  'isDisposed' | 'now' | 'getSession' | 'getCustomer' | 'addCustomer' | 'customerWrites'
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
    const input = parseInbound(value, endpoint);
    const answer = await this.options.writes(() => this.receive(endpoint, input));
    sendJson(response, answer.duplicate ? 200 : 201, answer);
    return true;
  }

  /**
   * Stores one inbound message (or finds it stored), through the engine: at once on a
   * synchronous store, with a promise on an asynchronous one.
   */
  receive(
    endpoint: ChannelEndpoint,
    input: InboundMessage,
  ): InboundAnswer | Promise<InboundAnswer> {
    if (this.backend.isDisposed) throw new HttpError(503, 'The server is shutting down.');
    return drive(this.receiving(endpoint, input));
  }

  private *receiving(endpoint: ChannelEndpoint, input: InboundMessage): Step<InboundAnswer> {
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
    const customerId = yield* this.customerFor(endpoint, input);
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
