/**
 * The configuration file of a live chat server: the directory (users, live chats with their
 * operators, supervisors, groups and reassignment targets, operator groups, optionally known
 * customers) and the channel endpoints (inbound webhooks, optional outbound webhooks). It is
 * JSON; {@link validateConfig} checks every field and every reference and names the path of
 * each bad one (e.g. `liveChats[1].operatorIds[0]`).
 */
import type {
  AssigneeTarget,
  Channel,
  Customer,
  Directory,
  Id,
  LiveChat,
  OperatorGroup,
  SessionTag,
  User,
  UserRole,
  WaitingThresholds,
} from '@live-chat/core';
import { FIELD_LIMITS, TAG_LIMITS } from '@live-chat/core';

/** The file format version this release reads. */
export const CONFIG_VERSION = 1;

/** Where an operator message of a channel's sessions is delivered (see docs/server.md). */
export interface OutboundWebhook {
  /** `http:` or `https:` URL the messages are POSTed to. */
  url: string;
  /** HMAC-SHA256 key of the `X-Live-Chat-Signature` header (default: the channel's `secret`). */
  secret?: string;
  /** Name of an environment variable holding that key, instead of `secret`. */
  secretEnv?: string;
  /** Attempts before a message is `failed` (default 6). */
  maxAttempts?: number;
  /** Wait before the second attempt, in ms; doubled for each further one (default 1,000). */
  baseDelayMs?: number;
  /** The longest wait between attempts, in ms (default 300,000). */
  maxDelayMs?: number;
  /** How long one attempt may take, in ms (default 10,000). */
  timeoutMs?: number;
  /**
   * Post operators' typing to `url` too, as `{ type: 'typing', … }` notices (default `false`):
   * for channels that show the customer that someone is typing. One attempt each, never queued.
   */
  typing?: boolean;
}

/** One channel endpoint: `POST /channels/{id}/messages` feeds a live chat through a channel. */
export interface ChannelEndpoint {
  /** The endpoint's id, the `{id}` of its URL (letters, digits, `-`, `_`, `.`). */
  id: string;
  /** The live chat its customers write to. */
  liveChatId: Id;
  /** The channel its messages come through (one of the live chat's channels). */
  channel: Channel;
  /** HMAC-SHA256 key the provider signs inbound requests with (at least 16 characters). */
  secret?: string;
  /** Name of an environment variable holding that key, instead of `secret`. */
  secretEnv?: string;
  /** Where operator replies and +New Session messages go; absent: they are not delivered. */
  outbound?: OutboundWebhook;
}

/** A validated configuration. */
export interface LiveChatConfig extends Directory {
  version: typeof CONFIG_VERSION;
  /** Customers known in advance (added when missing; never overwritten). */
  customers: Customer[];
  channels: ChannelEndpoint[];
}

/** One problem of a configuration, at a path such as `liveChats[0].groupIds[1]`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** A configuration that does not validate; `issues` lists every problem found. */
export class ConfigError extends Error {
  constructor(
    readonly issues: ConfigIssue[],
    readonly source?: string,
  ) {
    super(
      `${source ? `${source}: ` : ''}the configuration is invalid:\n` +
        issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const CHANNELS: readonly Channel[] = ['web', 'telegram', 'whatsapp', 'viber', 'email', 'internal'];
const ROLES: readonly UserRole[] = ['operator', 'supervisor', 'internal'];
const ENDPOINT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MIN_SECRET = 16;
const MAX_ID = 200;

type Json = Record<string, unknown>;

/** Collects issues while reading an untyped value. */
class Reader {
  readonly issues: ConfigIssue[] = [];

  problem(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problem(path, 'must be an object');
    return undefined;
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.problem(path, 'must be an array');
    return [];
  }

  /** Reports fields not in `known` (a typo must not pass silently). */
  onlyKnown(value: Json, path: string, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.problem(join(path, key), 'is not a known field');
    }
  }

  string(
    value: Json,
    path: string,
    key: string,
    options: { optional?: boolean; max?: number } = {},
  ) {
    const field = value[key];
    if (field === undefined && options.optional) return undefined;
    if (typeof field !== 'string' || field.trim().length === 0) {
      this.problem(join(path, key), 'must be a non-empty string');
      return undefined;
    }
    if (field.length > (options.max ?? 10_000)) {
      this.problem(join(path, key), `must be at most ${options.max} characters`);
      return undefined;
    }
    return field;
  }

  id(value: Json, path: string, key: string): string | undefined {
    return this.string(value, path, key, { max: MAX_ID });
  }

  ids(value: Json, path: string, key: string): string[] {
    const out: string[] = [];
    this.array(value[key], join(path, key)).forEach((item, index) => {
      if (typeof item !== 'string' || item.length === 0 || item.length > MAX_ID) {
        this.problem(`${join(path, key)}[${index}]`, 'must be an id (a non-empty string)');
      } else if (out.includes(item)) {
        this.problem(`${join(path, key)}[${index}]`, `repeats "${item}"`);
      } else out.push(item);
    });
    return out;
  }

  oneOf<T extends string>(value: Json, path: string, key: string, allowed: readonly T[]) {
    const field = value[key];
    if (typeof field === 'string' && (allowed as readonly string[]).includes(field))
      return field as T;
    this.problem(join(path, key), `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  boolean(value: Json, path: string, key: string): boolean | undefined {
    const field = value[key];
    if (field === undefined || typeof field === 'boolean') return field;
    this.problem(join(path, key), 'must be true or false');
    return undefined;
  }

  integer(value: Json, path: string, key: string, min: number, max: number) {
    const field = value[key];
    if (field === undefined) return undefined;
    if (typeof field !== 'number' || !Number.isInteger(field) || field < min || field > max) {
      this.problem(join(path, key), `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return field;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function optionalUrl(reader: Reader, value: Json, path: string, key: string) {
  const text = reader.string(value, path, key, { optional: true });
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  reader.problem(join(path, key), 'must be an http: or https: URL');
  return undefined;
}

/** Reads `secret` / `secretEnv`: exactly one of them, unless both may be absent. */
function secretOf(reader: Reader, value: Json, path: string, required: boolean) {
  const secret = value.secret;
  const secretEnv = value.secretEnv;
  if (secret !== undefined && secretEnv !== undefined) {
    reader.problem(join(path, 'secretEnv'), 'give either "secret" or "secretEnv", not both');
    return {};
  }
  if (secret !== undefined) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET) {
      reader.problem(join(path, 'secret'), `must be a string of at least ${MIN_SECRET} characters`);
      return {};
    }
    return { secret };
  }
  if (secretEnv !== undefined) {
    if (typeof secretEnv !== 'string' || !ENV_NAME.test(secretEnv)) {
      reader.problem(join(path, 'secretEnv'), 'must be the name of an environment variable');
      return {};
    }
    return { secretEnv };
  }
  if (required) reader.problem(join(path, 'secret'), 'is required (or "secretEnv")');
  return {};
}

function readUser(reader: Reader, value: unknown, path: string): User | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  reader.onlyKnown(json, path, ['id', 'name', 'role', 'avatarUrl', 'profileUrl']);
  const id = reader.id(json, path, 'id');
  const name = reader.string(json, path, 'name', { max: FIELD_LIMITS.userName });
  const role = reader.oneOf(json, path, 'role', ROLES);
  const avatarUrl = reader.string(json, path, 'avatarUrl', {
    optional: true,
    max: FIELD_LIMITS.url,
  });
  const profileUrl = reader.string(json, path, 'profileUrl', {
    optional: true,
    max: FIELD_LIMITS.url,
  });
  if (id === undefined || name === undefined || role === undefined) return undefined;
  return {
    id,
    name,
    role,
    ...(avatarUrl !== undefined && { avatarUrl }),
    ...(profileUrl !== undefined && { profileUrl }),
  };
}

function readTarget(reader: Reader, value: unknown, path: string): AssigneeTarget | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  const kind = reader.oneOf(json, path, 'kind', ['operator', 'group'] as const);
  if (kind === 'operator') {
    reader.onlyKnown(json, path, ['kind', 'operatorId']);
    const operatorId = reader.id(json, path, 'operatorId');
    return operatorId === undefined ? undefined : { kind, operatorId };
  }
  if (kind === 'group') {
    reader.onlyKnown(json, path, ['kind', 'groupId']);
    const groupId = reader.id(json, path, 'groupId');
    return groupId === undefined ? undefined : { kind, groupId };
  }
  return undefined;
}

function readLiveChat(reader: Reader, value: unknown, path: string): LiveChat | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  reader.onlyKnown(json, path, [
    'id',
    'name',
    'channels',
    'operatorIds',
    'supervisorIds',
    'groupIds',
    'reassignmentTargets',
    'reopenToLastOperator',
    'tags',
    'waitingThresholds',
  ]);
  const id = reader.id(json, path, 'id');
  const name = reader.string(json, path, 'name', { max: FIELD_LIMITS.liveChatName });
  const channels: Channel[] = [];
  reader.array(json.channels, join(path, 'channels')).forEach((channel, index) => {
    const at = `${join(path, 'channels')}[${index}]`;
    if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
      reader.problem(at, `must be one of ${CHANNELS.join(', ')}`);
    } else if (channels.includes(channel as Channel)) reader.problem(at, `repeats "${channel}"`);
    else channels.push(channel as Channel);
  });
  const operatorIds = reader.ids(json, path, 'operatorIds');
  const supervisorIds = reader.ids(json, path, 'supervisorIds');
  const groupIds = reader.ids(json, path, 'groupIds');
  const reassignmentTargets: AssigneeTarget[] = [];
  reader
    .array(json.reassignmentTargets, join(path, 'reassignmentTargets'))
    .forEach((target, index) => {
      const read = readTarget(reader, target, `${join(path, 'reassignmentTargets')}[${index}]`);
      if (read) reassignmentTargets.push(read);
    });
  const reopenToLastOperator = reader.boolean(json, path, 'reopenToLastOperator');
  const tags =
    json.tags === undefined ? undefined : readTags(reader, json.tags, join(path, 'tags'));
  const waitingThresholds =
    json.waitingThresholds === undefined
      ? undefined
      : readThresholds(reader, json.waitingThresholds, join(path, 'waitingThresholds'));
  if (id === undefined || name === undefined) return undefined;
  return {
    id,
    name,
    channels,
    operatorIds,
    supervisorIds,
    groupIds,
    reassignmentTargets,
    ...(reopenToLastOperator !== undefined && { reopenToLastOperator }),
    ...(tags && { tags }),
    ...(waitingThresholds && { waitingThresholds }),
  };
}

/** A live chat's session tags: ids unique, labels within `FIELD_LIMITS.tagLabel`, at most `TAG_LIMITS.perLiveChat`. */
function readTags(reader: Reader, value: unknown, path: string): SessionTag[] {
  const tags: SessionTag[] = [];
  const list = reader.array(value, path);
  if (list.length > TAG_LIMITS.perLiveChat) {
    reader.problem(path, `may hold at most ${TAG_LIMITS.perLiveChat} tags`);
  }
  list.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const json = reader.object(item, at);
    if (!json) return;
    reader.onlyKnown(json, at, ['id', 'label']);
    const id = reader.id(json, at, 'id');
    const label = reader.string(json, at, 'label', { max: FIELD_LIMITS.tagLabel });
    if (id !== undefined && tags.some((tag) => tag.id === id))
      reader.problem(at, `repeats "${id}"`);
    else if (id !== undefined && label !== undefined) tags.push({ id, label });
  });
  return tags;
}

/** When a waiting row turns amber, then red: whole milliseconds, amber first. */
function readThresholds(
  reader: Reader,
  value: unknown,
  path: string,
): WaitingThresholds | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  reader.onlyKnown(json, path, ['warnAfterMs', 'alarmAfterMs']);
  const day = 86_400_000;
  const warnAfterMs = reader.integer(json, path, 'warnAfterMs', 0, day);
  const alarmAfterMs = reader.integer(json, path, 'alarmAfterMs', 0, day);
  if (warnAfterMs === undefined || alarmAfterMs === undefined) {
    reader.problem(path, 'needs warnAfterMs and alarmAfterMs');
    return undefined;
  }
  if (alarmAfterMs < warnAfterMs)
    reader.problem(path, 'alarmAfterMs must not be below warnAfterMs');
  return { warnAfterMs, alarmAfterMs };
}

function readGroup(reader: Reader, value: unknown, path: string): OperatorGroup | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  reader.onlyKnown(json, path, ['id', 'liveChatId', 'name', 'memberIds']);
  const id = reader.id(json, path, 'id');
  const liveChatId = reader.id(json, path, 'liveChatId');
  const name = reader.string(json, path, 'name', { max: FIELD_LIMITS.groupName });
  const memberIds = reader.ids(json, path, 'memberIds');
  if (id === undefined || liveChatId === undefined || name === undefined) return undefined;
  return { id, liveChatId, name, memberIds };
}

function readCustomer(reader: Reader, value: unknown, path: string): Customer | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  const kind = reader.oneOf(json, path, 'kind', ['internal', 'external'] as const);
  const id = reader.id(json, path, 'id');
  const name = reader.string(json, path, 'name', { max: FIELD_LIMITS.customerName });
  const avatarUrl = reader.string(json, path, 'avatarUrl', {
    optional: true,
    max: FIELD_LIMITS.url,
  });
  const optional = { ...(avatarUrl !== undefined && { avatarUrl }) };
  if (kind === 'internal') {
    reader.onlyKnown(json, path, ['id', 'kind', 'userId', 'name', 'avatarUrl', 'profileUrl']);
    const userId = reader.id(json, path, 'userId');
    const profileUrl = reader.string(json, path, 'profileUrl', {
      optional: true,
      max: FIELD_LIMITS.url,
    });
    if (id === undefined || name === undefined || userId === undefined) return undefined;
    return { id, kind, userId, name, ...optional, ...(profileUrl !== undefined && { profileUrl }) };
  }
  if (kind === 'external') {
    reader.onlyKnown(json, path, [
      'id',
      'kind',
      'name',
      'avatarUrl',
      'account',
      'messenger',
      'inHostDatabase',
    ]);
    const account = reader.string(json, path, 'account', { max: FIELD_LIMITS.account });
    const messenger = reader.oneOf(json, path, 'messenger', CHANNELS);
    const inHostDatabase = reader.boolean(json, path, 'inHostDatabase');
    if (id === undefined || name === undefined || account === undefined || !messenger)
      return undefined;
    return {
      id,
      kind,
      name,
      ...optional,
      account,
      messenger,
      ...(inHostDatabase !== undefined && { inHostDatabase }),
    };
  }
  return undefined;
}

function readEndpoint(reader: Reader, value: unknown, path: string): ChannelEndpoint | undefined {
  const json = reader.object(value, path);
  if (!json) return undefined;
  reader.onlyKnown(json, path, ['id', 'liveChatId', 'channel', 'secret', 'secretEnv', 'outbound']);
  const id = reader.string(json, path, 'id', { max: 100 });
  if (id !== undefined && !ENDPOINT_ID.test(id)) {
    reader.problem(join(path, 'id'), 'may hold only letters, digits, "-", "_" and "."');
  }
  const liveChatId = reader.id(json, path, 'liveChatId');
  const channel = reader.oneOf(json, path, 'channel', CHANNELS);
  const secret = secretOf(reader, json, path, true);
  let outbound: OutboundWebhook | undefined;
  if (json.outbound !== undefined) {
    const at = join(path, 'outbound');
    const out = reader.object(json.outbound, at);
    if (out) {
      reader.onlyKnown(out, at, [
        'url',
        'secret',
        'secretEnv',
        'maxAttempts',
        'baseDelayMs',
        'maxDelayMs',
        'timeoutMs',
        'typing',
      ]);
      const url = optionalUrl(reader, out, at, 'url');
      if (out.url === undefined) reader.problem(join(at, 'url'), 'is required');
      const key = secretOf(reader, out, at, false);
      const maxAttempts = reader.integer(out, at, 'maxAttempts', 1, 100);
      const baseDelayMs = reader.integer(out, at, 'baseDelayMs', 1, 3_600_000);
      const maxDelayMs = reader.integer(out, at, 'maxDelayMs', 1, 86_400_000);
      const timeoutMs = reader.integer(out, at, 'timeoutMs', 1, 600_000);
      const typing = reader.boolean(out, at, 'typing');
      if (url !== undefined) {
        outbound = {
          url,
          ...key,
          ...(typing !== undefined && { typing }),
          ...(maxAttempts !== undefined && { maxAttempts }),
          ...(baseDelayMs !== undefined && { baseDelayMs }),
          ...(maxDelayMs !== undefined && { maxDelayMs }),
          ...(timeoutMs !== undefined && { timeoutMs }),
        };
      }
    }
  }
  if (id === undefined || liveChatId === undefined || channel === undefined) return undefined;
  return { id, liveChatId, channel, ...secret, ...(outbound && { outbound }) };
}

/** Reads a list, reporting repeated ids. */
function readList<T extends { id: string }>(
  reader: Reader,
  root: Json,
  key: string,
  read: (reader: Reader, value: unknown, path: string) => T | undefined,
  optional = false,
): T[] {
  if (optional && root[key] === undefined) return [];
  const seen = new Set<string>();
  const out: T[] = [];
  reader.array(root[key], key).forEach((item, index) => {
    const value = read(reader, item, `${key}[${index}]`);
    if (!value) return;
    if (seen.has(value.id)) reader.problem(`${key}[${index}].id`, `repeats "${value.id}"`);
    seen.add(value.id);
    out.push(value);
  });
  return out;
}

/** Checks that every id refers to something of the right kind. */
function checkReferences(reader: Reader, config: LiveChatConfig): void {
  const users = new Map(config.users.map((user) => [user.id, user]));
  const chats = new Map(config.liveChats.map((chat) => [chat.id, chat]));
  const groups = new Map(config.groups.map((group) => [group.id, group]));
  const indexOf = <T>(list: T[], item: T) => list.indexOf(item);

  for (const chat of config.liveChats) {
    const at = `liveChats[${indexOf(config.liveChats, chat)}]`;
    chat.operatorIds.forEach((id, index) => {
      const user = users.get(id);
      if (!user) reader.problem(`${at}.operatorIds[${index}]`, `there is no user "${id}"`);
      else if (user.role === 'internal')
        reader.problem(`${at}.operatorIds[${index}]`, `"${id}" is an internal user, not staff`);
    });
    chat.supervisorIds.forEach((id, index) => {
      const user = users.get(id);
      if (!user) reader.problem(`${at}.supervisorIds[${index}]`, `there is no user "${id}"`);
      else if (user.role !== 'supervisor')
        reader.problem(
          `${at}.supervisorIds[${index}]`,
          `"${id}" does not have the supervisor role`,
        );
    });
    chat.groupIds.forEach((id, index) => {
      const group = groups.get(id);
      if (!group) reader.problem(`${at}.groupIds[${index}]`, `there is no group "${id}"`);
      else if (group.liveChatId !== chat.id)
        reader.problem(
          `${at}.groupIds[${index}]`,
          `group "${id}" belongs to "${group.liveChatId}"`,
        );
    });
    chat.reassignmentTargets.forEach((target, index) => {
      const where = `${at}.reassignmentTargets[${index}]`;
      if (target.kind === 'operator' && !chat.operatorIds.includes(target.operatorId)) {
        reader.problem(
          `${where}.operatorId`,
          `"${target.operatorId}" is not an operator of "${chat.id}"`,
        );
      }
      if (target.kind === 'group' && !chat.groupIds.includes(target.groupId)) {
        reader.problem(`${where}.groupId`, `"${target.groupId}" is not a group of "${chat.id}"`);
      }
    });
  }
  config.groups.forEach((group, index) => {
    const chat = chats.get(group.liveChatId);
    if (!chat) {
      reader.problem(`groups[${index}].liveChatId`, `there is no live chat "${group.liveChatId}"`);
      return;
    }
    if (!chat.groupIds.includes(group.id)) {
      reader.problem(`groups[${index}].id`, `live chat "${chat.id}" does not list it in groupIds`);
    }
    group.memberIds.forEach((id, member) => {
      if (!chat.operatorIds.includes(id))
        reader.problem(
          `groups[${index}].memberIds[${member}]`,
          `"${id}" is not an operator of "${chat.id}"`,
        );
    });
  });
  config.customers.forEach((customer, index) => {
    if (customer.kind === 'internal' && !users.has(customer.userId)) {
      reader.problem(`customers[${index}].userId`, `there is no user "${customer.userId}"`);
    }
  });
  const routes = new Map<string, number>();
  config.channels.forEach((endpoint, index) => {
    const at = `channels[${index}]`;
    const chat = chats.get(endpoint.liveChatId);
    if (!chat) {
      reader.problem(`${at}.liveChatId`, `there is no live chat "${endpoint.liveChatId}"`);
      return;
    }
    if (!chat.channels.includes(endpoint.channel)) {
      reader.problem(
        `${at}.channel`,
        `live chat "${chat.id}" is not connected to ${endpoint.channel}`,
      );
    }
    if (endpoint.channel === 'internal' || endpoint.channel === 'web') {
      reader.problem(
        `${at}.channel`,
        'must be a messenger or email (telegram, whatsapp, viber, email)',
      );
    }
    const route = `${endpoint.liveChatId}\u0000${endpoint.channel}`;
    const other = routes.get(route);
    if (other !== undefined) {
      reader.problem(
        `${at}.channel`,
        `channels[${other}] already serves ${endpoint.channel} of "${chat.id}"`,
      );
    } else routes.set(route, index);
  });
}

/** Validates a parsed configuration; throws a {@link ConfigError} listing every problem. */
export function validateConfig(value: unknown, source?: string): LiveChatConfig {
  const reader = new Reader();
  const root = reader.object(value, '');
  if (!root) throw new ConfigError(reader.issues, source);
  reader.onlyKnown(root, '', [
    '$schema',
    'version',
    'users',
    'liveChats',
    'groups',
    'customers',
    'channels',
  ]);
  if (root.version !== CONFIG_VERSION) reader.problem('version', `must be ${CONFIG_VERSION}`);
  const config: LiveChatConfig = {
    version: CONFIG_VERSION,
    users: readList(reader, root, 'users', readUser),
    liveChats: readList(reader, root, 'liveChats', readLiveChat),
    groups: readList(reader, root, 'groups', readGroup),
    customers: readList(reader, root, 'customers', readCustomer, true),
    channels: readList(reader, root, 'channels', readEndpoint, true),
  };
  if (reader.issues.length === 0) checkReferences(reader, config);
  if (reader.issues.length > 0) throw new ConfigError(reader.issues, source);
  return config;
}

/** Parses and validates configuration text (JSON). */
export function parseConfig(text: string, source?: string): LiveChatConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      [{ path: '', message: `is not valid JSON (${(error as Error).message})` }],
      source,
    );
  }
  return validateConfig(value, source);
}
