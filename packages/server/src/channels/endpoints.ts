/** The channel endpoints a database holds (see `config`), and their secrets. */
import type Database from 'better-sqlite3';
import type { Channel, Id } from '@live-chat/core';
import type { ChannelEndpoint } from '../config/schema.js';

/** Reads the endpoints of `channel_endpoints` (applied with `config apply`). */
export class EndpointTable {
  private readonly byId: Database.Statement<[string], { data: string }>;
  private readonly all: Database.Statement<[], { data: string }>;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT data FROM channel_endpoints WHERE id = ?');
    this.all = db.prepare('SELECT data FROM channel_endpoints ORDER BY id');
  }

  get(id: string): ChannelEndpoint | undefined {
    const row = this.byId.get(id);
    return row && (JSON.parse(row.data) as ChannelEndpoint);
  }

  /** The endpoint serving `channel` of a live chat, if any. */
  forSession(liveChatId: Id, channel: Channel): ChannelEndpoint | undefined {
    return this.all
      .all()
      .map((row) => JSON.parse(row.data) as ChannelEndpoint)
      .find((endpoint) => endpoint.liveChatId === liveChatId && endpoint.channel === channel);
  }
}

/** The inbound secret of an endpoint (from the file, or its environment variable). */
export function inboundSecret(
  endpoint: ChannelEndpoint,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const secret = endpoint.secret ?? (endpoint.secretEnv ? env[endpoint.secretEnv] : undefined);
  return secret && secret.length > 0 ? secret : undefined;
}

/** The outbound signing secret: its own, or else the inbound one. */
export function outboundSecret(
  endpoint: ChannelEndpoint,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const outbound = endpoint.outbound;
  const own = outbound?.secret ?? (outbound?.secretEnv ? env[outbound.secretEnv] : undefined);
  return own && own.length > 0 ? own : inboundSecret(endpoint, env);
}
