/**
 * The demo's backend for `npm start`: the live chat server of `@live-chat/server` on SQLite in a
 * data directory, in development mode (`POST /dev/token` signs tokens for the demo's user
 * switcher), with the channels of the demo configuration (`packages/server/config/demo.json`),
 * simulated customers and a small demo API for the page's simulator controls and the customer
 * page (demo/customer.html).
 *
 * Simulated customers write as real ones would: those of a messenger or e-mail post signed
 * requests to the channel's inbound webhook (`POST /channels/{id}/messages`) over HTTP; web
 * visitors go through the demo's web-visitor API, the same one the customer page uses.
 *
 * First run: the data directory is created, the database is filled with the same seed data the
 * in-page demo uses (`createSeedData`, whose directory is the demo configuration), and an HS256
 * secret is generated into `secret` there. Later runs open the same database and secret, so
 * conversations and tokens survive restarts. The channels' webhook secret is derived from it.
 *
 * Node only (scripts/start.mjs and the tests load it); the page never imports it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { TYPING_TTL_MS, type Customer, type Id, type LiveChat } from '@live-chat/core';
import {
  createCustomerSimulator,
  createSeedData,
  type CustomerSimulator,
  type MemoryBackend,
  type SimulatedCustomerMessage,
} from '@live-chat/adapters';
import {
  applyConfig,
  createChannels,
  createLiveChatServer,
  createSqliteBackend,
  loadConfigFile,
  signBody,
  SIGNATURE_HEADER,
  type ChannelEndpoint,
  type LiveChatServer,
  type SqliteBackend,
} from '@live-chat/server';

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Where the database and the secret live (created when missing). */
  dataDir: string;
  /** Interface of the live chat server (default `127.0.0.1`). */
  host?: string;
  /** Port of the live chat server (default 8081; 0 picks a free one). */
  port?: number;
  /** Whether simulated customers write in from the start (default `true`). */
  simulate?: boolean;
  /** Simulated customer messages per minute (default 4). */
  ratePerMinute?: number;
  /** Seed of the simulator's choices (default: random). */
  simulatorSeed?: number;
  /** Server logs: `true` for pino at `LOG_LEVEL` (default `false`: silent). */
  logs?: boolean;
}

/** What the page's simulator controls show. */
export interface SimulatorState {
  running: boolean;
  ratePerMinute: number;
}

/** What the demo page reads from `GET /demo-api/config`. */
export interface DemoConfig {
  mode: 'server';
  /** The live chat server's WebSocket URL. */
  wsUrl: string;
  /** The development token endpoint (`POST { userId, ttlSec }` answers `{ token }`). */
  tokenUrl: string;
  simulator: SimulatorState;
  /** Live chats a web visitor can write to (the customer page's choice). */
  webLiveChats: Array<{ id: Id; name: string }>;
}

/** An answer of the demo API. */
export interface DemoApiResponse {
  status: number;
  body: unknown;
}

/** One message of the customer page's conversation. */
export interface VisitorMessage {
  id: Id;
  from: 'me' | 'operator' | 'system';
  text: string;
  sentAt: number;
  /** Files sent with it (fetch one with `GET customer/files`). */
  files?: Array<{ id: Id; name: string; size: number }>;
}

/** A file a visitor sends from the customer page, in base64. */
export interface VisitorFile {
  name: string;
  contentBase64: string;
}

/** Most files a visitor sends with one message. */
const MAX_VISITOR_FILES = 3;

/** The running demo backend. */
export interface DemoServer {
  readonly server: LiveChatServer;
  readonly backend: SqliteBackend;
  readonly dataDir: string;
  /** Whether this run created the database (and seeded it). */
  readonly created: boolean;
  config(): DemoConfig;
  /**
   * Answers a demo API request (`path` below `/demo-api/`, e.g. `simulator`), or `undefined`
   * for a path it does not know.
   */
  handle(
    method: string,
    path: string,
    body: unknown,
    query: URLSearchParams,
  ): DemoApiResponse | Promise<DemoApiResponse> | undefined;
  /** Stops the simulator, drains the server and closes the database. */
  close(): Promise<void>;
}

/** File name of the generated HS256 secret inside the data directory. */
export const SECRET_FILE = 'secret';

/** Reads the data directory's secret, generating it (32 random bytes, hex) on first run. */
export function ensureSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** What the simulator calls on its backend: the SQLite backend has all of it but two lists. */
type SimulatorBackend = Pick<
  MemoryBackend,
  | 'liveChats'
  | 'customers'
  | 'customerWrites'
  | 'addCustomer'
  | 'latestSessionOf'
  | 'onMessage'
  | 'getSession'
  | 'messagesOf'
  | 'getCustomer'
  | 'getLiveChat'
>;

function simulatorBackend(backend: SqliteBackend): SimulatorBackend {
  return {
    liveChats: () => backend.store.run((tx) => [...tx.liveChats()], true),
    customers: () => backend.store.run((tx) => [...tx.customers()], true),
    customerWrites: (input) => backend.customerWrites(input),
    addCustomer: (input) => backend.addCustomer(input),
    latestSessionOf: (customerId, liveChatId) => backend.latestSessionOf(customerId, liveChatId),
    onMessage: (listener) => backend.onMessage(listener),
    getSession: (sessionId) => backend.getSession(sessionId),
    messagesOf: (sessionId) => backend.messagesOf(sessionId),
    getCustomer: (customerId) => backend.getCustomer(customerId),
    getLiveChat: (liveChatId) => backend.getLiveChat(liveChatId),
  };
}

const MAX_TEXT = 4000;
const MAX_NAME = 80;

/** The demo configuration: the seed's directory plus the channel endpoints. */
const DEMO_CONFIG_FILE = fileURLToPath(
  new URL('../packages/server/config/demo.json', import.meta.url),
);
/** The variable the demo configuration's channels read their webhook secret from. */
const CHANNEL_SECRET_ENV = 'LIVE_CHAT_CHANNEL_SECRET';

/** The channels' webhook secret of a data directory: derived from its token secret. */
function channelSecretOf(secret: string): string {
  return crypto.createHmac('sha256', secret).update('demo channel webhooks').digest('hex');
}

/** Starts the demo backend (see the module comment). */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = ensureSecret(dataDir);
  let created = false;
  const backend = createSqliteBackend({
    dataDir,
    seed: () => {
      created = true;
      return createSeedData({ now: Date.now() });
    },
  });

  let server: LiveChatServer;
  const demoConfig = loadConfigFile(DEMO_CONFIG_FILE);
  const channelSecret = channelSecretOf(secret);
  const channels = createChannels({
    backend,
    env: { [CHANNEL_SECRET_ENV]: channelSecret },
    logger: pino({ name: 'live-chat-channels', level: options.logs ? 'info' : 'silent' }),
  });
  try {
    applyConfig(backend.store, demoConfig);
    server = await createLiveChatServer({
      backend,
      auth: { secret },
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 8081,
      dev: true,
      logger: options.logs ? undefined : false,
      handlers: [channels.handle],
    });
  } catch (error) {
    await channels.close();
    await backend.dispose();
    throw error;
  }

  /** The endpoint a live chat's customers of a channel write through, if it has one. */
  const endpointOf = (liveChatId: Id, channel: string): ChannelEndpoint | undefined =>
    demoConfig.channels.find((e) => e.liveChatId === liveChatId && e.channel === channel);

  /** Posts a simulated customer's message to the channel's inbound webhook, signed. */
  async function postToWebhook(endpoint: ChannelEndpoint, message: SimulatedCustomerMessage) {
    const body = JSON.stringify({
      providerMessageId: crypto.randomUUID(),
      customer: {
        externalId: message.customer.account,
        name: message.customer.name,
        account: message.customer.account,
      },
      text: message.text,
      sentAt: Date.now(),
    });
    const response = await fetch(`${server.url}/channels/${endpoint.id}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(channelSecret, body),
      },
      body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }

  /** Where simulated customers' messages go (see the module comment). */
  function simulatedCustomerWrites(message: SimulatedCustomerMessage): void {
    const endpoint = endpointOf(message.liveChatId, message.channel);
    if (endpoint) {
      postToWebhook(endpoint, message).catch((error: unknown) => {
        if (options.logs)
          console.warn(`A simulated customer message was not taken: ${String(error)}`);
      });
      return;
    }
    // A web visitor (the web channel has no webhook): as through the customer page.
    let customerId = message.customer.id;
    if (customerId === undefined) {
      const added = backend.addCustomer({
        kind: 'external',
        name: message.customer.name,
        account: message.customer.account,
        messenger: 'web',
      });
      if (!added.ok) return;
      customerId = added.value.id;
    }
    backend.customerWrites({
      customerId,
      liveChatId: message.liveChatId,
      channel: message.channel,
      text: message.text,
    });
  }

  const customerSide = simulatorBackend(backend);
  const simulatorState: SimulatorState = {
    running: options.simulate ?? true,
    ratePerMinute: options.ratePerMinute ?? 4,
  };
  let simulator: CustomerSimulator | undefined;
  function restartSimulator(): void {
    simulator?.stop();
    // The simulator only calls what SimulatorBackend lists.
    simulator = createCustomerSimulator(customerSide as MemoryBackend, {
      ratePerMinute: simulatorState.ratePerMinute,
      seed: options.simulatorSeed ?? crypto.randomInt(1_000_000),
      replyDelayMs: [4_000, 15_000],
      send: simulatedCustomerWrites,
    });
    if (simulatorState.running) simulator.start();
  }
  restartSimulator();

  const webLiveChats = (): LiveChat[] =>
    customerSide.liveChats().filter((chat) => chat.channels.includes('web'));

  function config(): DemoConfig {
    return {
      mode: 'server',
      wsUrl: server.wsUrl,
      tokenUrl: `${server.url}/dev/token`,
      simulator: { ...simulatorState },
      webLiveChats: webLiveChats().map((chat) => ({ id: chat.id, name: chat.name })),
    };
  }

  const bad = (message: string): DemoApiResponse => ({ status: 400, body: { error: { message } } });

  /** The web visitor `visitorId` (a customer of the web channel), if it is one. */
  function visitor(visitorId: unknown): Customer | undefined {
    if (typeof visitorId !== 'string' || visitorId.length === 0) return undefined;
    const customer = backend.getCustomer(visitorId);
    return customer?.kind === 'external' && customer.messenger === 'web' ? customer : undefined;
  }

  /** The visitor's files, decoded: at most {@link MAX_VISITOR_FILES}, each a name and bytes. */
  function visitorFiles(value: unknown): Array<{ name: string; bytes: Uint8Array }> | string {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > MAX_VISITOR_FILES) {
      return `files must be a list of at most ${MAX_VISITOR_FILES}.`;
    }
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const file of value as Partial<VisitorFile>[]) {
      if (typeof file?.name !== 'string' || typeof file.contentBase64 !== 'string') {
        return 'each file needs a name and contentBase64.';
      }
      files.push({
        name: file.name,
        bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')),
      });
    }
    return files;
  }

  /**
   * A visitor writes: `{ visitorId?, name, liveChatId, text, clientMessageId?, files? }`. Files
   * are stored first; a refused one refuses the message (its reason in the answer).
   */
  async function visitorWrites(body: unknown): Promise<DemoApiResponse> {
    const input = (body ?? {}) as Record<string, unknown>;
    const { liveChatId, text, clientMessageId } = input;
    const name = typeof input['name'] === 'string' ? input['name'].trim() : '';
    const files = visitorFiles(input['files']);
    if (typeof files === 'string') return bad(files);
    const empty = typeof text === 'string' && text.trim().length === 0 && files.length > 0;
    if (
      typeof text !== 'string' ||
      (!empty && text.trim().length === 0) ||
      text.length > MAX_TEXT
    ) {
      return bad(`text must be 1–${MAX_TEXT} characters (or none, with files).`);
    }
    if (typeof liveChatId !== 'string' || !webLiveChats().some((chat) => chat.id === liveChatId)) {
      return bad('liveChatId must be a live chat of the web channel.');
    }
    if (clientMessageId !== undefined && typeof clientMessageId !== 'string') {
      return bad('clientMessageId must be a string.');
    }
    let customer = visitor(input['visitorId']);
    if (!customer) {
      if (name.length === 0 || name.length > MAX_NAME) {
        return bad(`name must be 1–${MAX_NAME} characters.`);
      }
      const added = backend.addCustomer({
        kind: 'external',
        name,
        account: `visitor-${crypto.randomInt(10_000, 100_000)}`,
        messenger: 'web',
      });
      if (!added.ok) return { status: 422, body: { error: added.error } };
      customer = added.value;
    }
    const attachmentIds: Id[] = [];
    for (const file of files) {
      const stored = await backend.customerUpload(customer.id, file);
      if (!stored.ok) return { status: 422, body: { error: stored.error, visitorId: customer.id } };
      attachmentIds.push(stored.value.id);
    }
    const written = backend.customerWrites({
      customerId: customer.id,
      liveChatId,
      channel: 'web',
      text: text.trim(),
      clientMessageId,
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
    });
    if (!written.ok) return { status: 422, body: { error: written.error } };
    return {
      status: 200,
      body: {
        visitorId: customer.id,
        sessionId: written.value.session.id,
        messageId: written.value.message.id,
      },
    };
  }

  /** The visitor's latest conversation with a live chat. */
  function visitorConversation(query: URLSearchParams): DemoApiResponse {
    const customer = visitor(query.get('visitorId'));
    const liveChatId = query.get('liveChatId') ?? '';
    if (!customer) return { status: 404, body: { error: { message: 'Unknown visitor.' } } };
    const session = backend.latestSessionOf(customer.id, liveChatId);
    // Staff notes never reach the customer.
    const messages: VisitorMessage[] = session
      ? backend
          .messagesOf(session.id)
          .filter((message) => !message.internal)
          .map((message) => ({
            id: message.id,
            from:
              message.author.kind === 'customer'
                ? 'me'
                : message.author.kind === 'operator'
                  ? 'operator'
                  : 'system',
            text: message.text,
            sentAt: message.sentAt,
            ...(message.attachments?.length
              ? { files: message.attachments.map(({ id, name, size }) => ({ id, name, size })) }
              : {}),
          }))
      : [];
    const typingUntil = session ? (operatorTyping.get(session.id) ?? 0) : 0;
    return {
      status: 200,
      body: {
        status: session?.status ?? null,
        messages,
        operatorTyping: typingUntil > Date.now(),
      },
    };
  }

  /** An operator is typing in a session, until when (the customer page shows it). */
  const operatorTyping = new Map<Id, number>();
  const stopTyping = backend.onOperatorTyping((session, _userId, typing) => {
    if (operatorTyping.size > 1000) {
      for (const [id, until] of operatorTyping) if (until < Date.now()) operatorTyping.delete(id);
    }
    if (typing) operatorTyping.set(session.id, Date.now() + TYPING_TTL_MS);
    else operatorTyping.delete(session.id);
  });

  /** The visitor types (or stops) in their conversation: `{ visitorId, liveChatId, typing }`. */
  async function visitorTypes(body: unknown): Promise<DemoApiResponse> {
    const { visitorId, liveChatId, typing } = (body ?? {}) as Record<string, unknown>;
    const customer = visitor(visitorId);
    if (!customer) return { status: 404, body: { error: { message: 'Unknown visitor.' } } };
    if (typeof liveChatId !== 'string' || typeof typing !== 'boolean') {
      return bad('liveChatId and typing (a boolean) are required.');
    }
    await backend.customerTyping(customer.id, liveChatId, typing);
    return { status: 202, body: {} };
  }

  /** A file of the visitor's conversation, in base64: `?visitorId&liveChatId&fileId`. */
  async function visitorFile(query: URLSearchParams): Promise<DemoApiResponse> {
    const customer = visitor(query.get('visitorId'));
    const session = customer && backend.latestSessionOf(customer.id, query.get('liveChatId') ?? '');
    const fileId = query.get('fileId');
    const file = session
      ? backend
          .messagesOf(session.id)
          .filter((message) => !message.internal)
          .flatMap((message) => message.attachments ?? [])
          .find((attachment) => attachment.id === fileId)
      : undefined;
    const bytes = file && (await backend.attachmentStorage?.read(file.id));
    if (!file || !bytes) return { status: 404, body: { error: { message: 'No such file.' } } };
    return {
      status: 200,
      body: {
        name: file.name,
        size: file.size,
        contentBase64: Buffer.from(bytes).toString('base64'),
      },
    };
  }

  function handle(
    method: string,
    apiPath: string,
    body: unknown,
    query: URLSearchParams,
  ): DemoApiResponse | Promise<DemoApiResponse> | undefined {
    if (apiPath === 'config' && method === 'GET') return { status: 200, body: config() };
    if (apiPath === 'simulator' && method === 'POST') {
      const { running, ratePerMinute } = (body ?? {}) as Record<string, unknown>;
      if (running !== undefined && typeof running !== 'boolean') {
        return bad('running must be a boolean.');
      }
      if (
        ratePerMinute !== undefined &&
        (typeof ratePerMinute !== 'number' || !(ratePerMinute >= 1 && ratePerMinute <= 60))
      ) {
        return bad('ratePerMinute must be a number in [1, 60].');
      }
      if (running !== undefined) simulatorState.running = running;
      if (ratePerMinute !== undefined) simulatorState.ratePerMinute = ratePerMinute;
      restartSimulator();
      return { status: 200, body: { ...simulatorState } };
    }
    if (apiPath === 'simulator/step' && method === 'POST') {
      return { status: 200, body: { written: simulator?.step() ?? null } };
    }
    if (apiPath === 'customer/messages' && method === 'POST') return visitorWrites(body);
    if (apiPath === 'customer/messages' && method === 'GET') return visitorConversation(query);
    if (apiPath === 'customer/typing' && method === 'POST') return visitorTypes(body);
    if (apiPath === 'customer/files' && method === 'GET') return visitorFile(query);
    return undefined;
  }

  let closing: Promise<void> | undefined;
  return {
    server,
    backend,
    dataDir,
    get created() {
      return created;
    },
    config,
    handle,
    close() {
      closing ??= (async () => {
        simulator?.stop();
        stopTyping();
        await server.close();
        await channels.close();
        await backend.dispose();
      })();
      return closing;
    },
  };
}
