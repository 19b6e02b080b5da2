/**
 * Test support: the demo configuration with the channels' secrets written in (no environment
 * needed) and, optionally, an outbound webhook on the Telegram endpoint.
 */
import { loadConfigFile } from '../../config/apply.js';
import type { LiveChatConfig, OutboundWebhook } from '../../config/schema.js';
import { DEMO_CONFIG_FILE } from '../../testing/channel-server.js';

/** The inbound (and outbound) secret of every endpoint. */
export const CHANNEL_SECRET = 'inbound-secret-for-tests-0123456789';
/** The endpoint that gets the outbound webhook. */
export const TELEGRAM_ENDPOINT = 'lc-support-telegram';
/** An operator of the endpoint's live chat. */
export const OPERATOR = 'op-anna';

/** The demo configuration; with `outboundUrl`, the Telegram endpoint delivers there. */
export function channelConfig(
  outboundUrl?: string,
  outbound: Partial<OutboundWebhook> = {},
): LiveChatConfig {
  const config = loadConfigFile(DEMO_CONFIG_FILE);
  return {
    ...config,
    channels: config.channels.map((endpoint) => {
      const { secretEnv: _unused, ...rest } = endpoint;
      return {
        ...rest,
        secret: CHANNEL_SECRET,
        ...(outboundUrl && endpoint.id === TELEGRAM_ENDPOINT
          ? {
              outbound: {
                url: outboundUrl,
                maxAttempts: 3,
                baseDelayMs: 20,
                timeoutMs: 2000,
                ...outbound,
              },
            }
          : {}),
      };
    }),
  };
}
