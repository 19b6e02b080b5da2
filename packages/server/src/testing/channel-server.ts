/**
 * Test support: the channels of a configuration behind a real server on 127.0.0.1 (a free
 * port), on a SQLite backend in a data directory, seeded and configured from that
 * configuration.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChannels, type Channels, type ChannelsOptions } from '../channels/index.js';
import { applyConfig, configToSeed } from '../config/apply.js';
import type { LiveChatConfig } from '../config/schema.js';
import {
  createLiveChatServer,
  type LiveChatServer,
  type LiveChatServerOptions,
} from '../server.js';
import type { SqliteBackend } from '../storage/backend.js';
import { openTestBackend } from '../storage/testing/test-backend.js';

/** The demo configuration of this package (`config/demo.json`). */
export const DEMO_CONFIG_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../config/demo.json',
);

/** A running backend with its channels and the server in front of them. */
export interface ChannelServer {
  backend: SqliteBackend;
  channels: Channels;
  server: LiveChatServer;
  /** Shuts the server down, closes the channels and disposes the backend. */
  stop(): Promise<void>;
}

/** Options of {@link startChannelServer}. */
export interface ChannelServerOptions {
  /** Options of the channels (default: no environment, so secrets come from the configuration). */
  channels?: Omit<ChannelsOptions, 'backend'>;
  /** Options of the server (default: silent, port 0, a test token secret). */
  server?: Partial<Omit<LiveChatServerOptions, 'backend' | 'handlers'>>;
}

/** Starts a backend in `dataDir` configured from `config`, its channels and a server. */
export async function startChannelServer(
  dataDir: string,
  config: LiveChatConfig,
  options: ChannelServerOptions = {},
): Promise<ChannelServer> {
  const backend = openTestBackend(dataDir, { seed: configToSeed(config) });
  applyConfig(backend.store, config);
  // Links of files lead to the server, whose address is known once it listens.
  const address: { url?: string } = {};
  const channels = createChannels({
    env: {},
    publicUrl: () => address.url,
    ...options.channels,
    backend,
  });
  const server = await createLiveChatServer({
    backend,
    auth: { secret: 'a-token-secret-of-at-least-32-bytes!!' },
    port: 0,
    logger: false,
    ...options.server,
    handlers: [channels.handle],
  });
  address.url = server.url;
  return {
    backend,
    channels,
    server,
    async stop() {
      await server.close();
      await channels.close();
      await backend.dispose();
    },
  };
}
