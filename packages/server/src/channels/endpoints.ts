/** The secrets of a channel endpoint: in the configuration, or in the environment. */
import type { ChannelEndpoint } from '../config/schema.js';

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
