/**
 * Configuration: the file format (directory and channel endpoints), its validation with the
 * path of every bad field, and applying it to a database.
 *
 * @module
 */
export { CONFIG_VERSION, ConfigError, parseConfig, validateConfig } from './schema.js';
export type { ChannelEndpoint, ConfigIssue, LiveChatConfig, OutboundWebhook } from './schema.js';
export { applyConfig, configToSeed, loadConfigFile, readChannelEndpoints } from './apply.js';
export type { ApplyReport } from './apply.js';
