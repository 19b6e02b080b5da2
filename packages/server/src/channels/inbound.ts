/**
 * The inbound webhook: `POST /channels/{channelId}/messages`. A provider (a messenger bridge, a
 * mail gateway) posts one customer message per request, signed with the channel's secret. The
 * message goes through the engine's customer-write path, exactly as a customer of the memory
 * backend writing in: it continues the customer's open session, reopens their closed one, or
 * starts a new queued one, and alerts the live chat's operators. A provider message id already
 * received is acknowledged again and stored once.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Channel, Customer, ErrorCode, Id } from '@live-chat/core';
import { MAX_ID_LENGTH } from '@live-chat/core/engine';
import type { ChannelEndpoint } from '../config/schema.js';
import { HttpError, sendJson } from '../http.js';
import type { SqliteBackend } from '../storage/backend.js';
import { EndpointTable, inboundSecret } from './endpoints.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';

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
  /** `created`, `reopened` or `message` (appended to an open session); absent for duplicates. */
  cause?: 'created' | 'reopened' | 'message';
  duplicate: boolean;
}

/** Where the inbound route lives: `/channels/{id}/messages`. */
export const INBOUND_PATH = /^\/channels\/([A-Za-z0-9._-]{1,100})\/messages$/;

/** Reads the raw body, at most `maxBytes` (413 as soon as it is larger). */
export function readRawBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new HttpError(413, `The body is larger than ${maxBytes} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        reject(new HttpError(413, `The body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

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

/** Turns a provider message id into the engine's `clientMessageId` (bounded, unique per endpoint). */
function clientMessageIdOf(endpoint: ChannelEndpoint, providerMessageId: string): string {
  const key = `${endpoint.id}:${providerMessageId}`;
  if (key.length <= MAX_ID_LENGTH) return key;
  return `${endpoint.id}:sha256:${createHash('sha256').update(providerMessageId).digest('hex')}`;
}

/** Handles inbound channel requests for one backend. */
export class InboundChannels {
  private readonly endpoints: EndpointTable;
  private readonly findInbound: Database.Statement<
    [string, string],
    { message_id: string; session_id: string }
  >;
  private readonly recordInbound: Database.Statement<
    [string, string, string, string, number | null, number]
  >;
  private readonly findCustomer: Database.Statement<[string, string], string>;
  private readonly recordCustomer: Database.Statement<[string, string, string]>;

  constructor(
    private readonly backend: SqliteBackend,
    private readonly options: { maxBodyBytes: number; logger: Logger; env?: NodeJS.ProcessEnv },
  ) {
    const db = backend.store.db;
    this.endpoints = new EndpointTable(db);
    this.findInbound = db.prepare(
      'SELECT message_id, session_id FROM channel_inbound WHERE channel_id = ? AND provider_message_id = ?',
    );
    this.recordInbound = db.prepare(
      `INSERT OR IGNORE INTO channel_inbound
         (channel_id, provider_message_id, message_id, session_id, provider_sent_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.findCustomer = db
      .prepare<[string, string], string>(
        'SELECT customer_id FROM channel_customers WHERE channel_id = ? AND external_id = ?',
      )
      .pluck();
    this.recordCustomer = db.prepare(
      'INSERT OR REPLACE INTO channel_customers (channel_id, external_id, customer_id) VALUES (?, ?, ?)',
    );
  }

  /** Answers the request when its path is an inbound route; `false` for other paths. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const match = INBOUND_PATH.exec(path);
    if (!match) return false;
    if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
    const endpoint = this.endpoints.get(match[1]);
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
    const answer = this.receive(endpoint, input);
    sendJson(response, answer.duplicate ? 200 : 201, answer);
    return true;
  }

  /** Stores one inbound message (or finds it stored), through the engine. */
  receive(endpoint: ChannelEndpoint, input: InboundMessage): InboundAnswer {
    if (this.backend.isDisposed) throw new HttpError(503, 'The server is shutting down.');
    const seen = this.findInbound.get(endpoint.id, input.providerMessageId);
    if (seen) {
      const session = this.backend.getSession(seen.session_id);
      return {
        messageId: seen.message_id,
        sessionId: seen.session_id,
        customerId: session?.customerId ?? '',
        duplicate: true,
      };
    }
    const customerId = this.customerFor(endpoint, input);
    const clientMessageId = clientMessageIdOf(endpoint, input.providerMessageId);
    // Written before without its record (the process stopped in between): the same message.
    const stored = this.backend.store.run((tx) => {
      const latest = tx.latestSessionOf(customerId, endpoint.liveChatId);
      return latest && tx.messageByClientId(latest.id, clientMessageId);
    }, true);
    const written = this.backend.customerWrites({
      customerId,
      liveChatId: endpoint.liveChatId,
      channel: endpoint.channel,
      text: input.text,
      clientMessageId,
    });
    if (!written.ok) throw new HttpError(statusOf(written.error.code), written.error.message);
    const { message, session, cause } = written.value;
    const sentAt =
      input.sentAt === undefined
        ? null
        : typeof input.sentAt === 'number'
          ? input.sentAt
          : Date.parse(input.sentAt);
    this.recordInbound.run(
      endpoint.id,
      input.providerMessageId,
      message.id,
      session.id,
      sentAt,
      this.backend.now(),
    );
    const duplicate = stored !== undefined;
    this.options.logger.debug(
      { channelId: endpoint.id, sessionId: session.id, cause },
      'inbound channel message',
    );
    return {
      messageId: message.id,
      sessionId: session.id,
      customerId,
      ...(duplicate ? {} : { cause }),
      duplicate,
    };
  }

  /** The customer an external account is: known, a directory customer with that account, or new. */
  private customerFor(endpoint: ChannelEndpoint, input: InboundMessage): Id {
    const { externalId, name } = input.customer;
    const account = input.customer.account ?? externalId;
    const known = this.findCustomer.get(endpoint.id, externalId);
    if (known !== undefined && this.backend.getCustomer(known)) return known;
    const existing = this.backend.store.run(
      (tx) =>
        [...tx.customers()].find(
          (customer): customer is Extract<Customer, { kind: 'external' }> =>
            customer.kind === 'external' &&
            customer.messenger === endpoint.channel &&
            customer.account === account,
        ),
      true,
    );
    let customerId = existing?.id;
    if (customerId === undefined) {
      const added = this.backend.addCustomer({
        kind: 'external',
        name,
        account,
        messenger: endpoint.channel,
      });
      if (!added.ok) throw new HttpError(statusOf(added.error.code), added.error.message);
      customerId = added.value.id;
    }
    this.recordCustomer.run(endpoint.id, externalId, customerId);
    return customerId;
  }
}
