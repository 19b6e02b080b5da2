/**
 * @packageDocumentation
 * `@live-chat/server`: a Node server for the Live Chat Workspace. It puts any live chat backend
 * (the SQLite backend of this package, `createSqliteBackend`, or the in-memory `MemoryBackend`
 * of `@live-chat/adapters`) behind a WebSocket that `createWebSocketAdapter` of `@live-chat/adapters` speaks:
 * token authentication (JWT, HS256 secret or JWKS), per-socket rate limits and size limits,
 * health endpoints, Prometheus metrics, structured logs and a graceful shutdown. docs/server.md
 * is the guide.
 *
 * @module \@live-chat/server
 */

/** The package version. */
export const VERSION = '0.1.0';

export { createLiveChatServer } from './server.js';
export type {
  HttpHandler,
  LiveChatServer,
  LiveChatServerOptions,
  LiveChatServerStats,
} from './server.js';
export { HttpError } from './http.js';
export { takesAttachments } from './backend.js';
export type { Awaitable, LiveChatBackend } from './backend.js';
export * from './attachments/index.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ServerLimits } from './limits.js';
export { createTokenVerifier, MAX_USER_ID_LENGTH, mintToken } from './auth.js';
export type {
  AuthOptions,
  JwksAuthOptions,
  MintTokenOptions,
  SecretAuthOptions,
  TokenRefusal,
  TokenVerifier,
  VerifiedToken,
} from './auth.js';
export { createMetricsRoute, createServerMetrics, DEFAULT_METRICS_PATH } from './metrics/index.js';
export type {
  MetricsRecorder,
  MetricsRouteOptions,
  RequestOutcome,
  ServerMetrics,
  ServerMetricsOptions,
  WebhookDeliveryOutcome,
} from './metrics/index.js';
export { CLOSE_CODES, WIRE_PROTOCOL } from '@live-chat/adapters';
export * from './storage/index.js';
export * from './postgres/index.js';
export * from './config/index.js';
export { createChannels } from './channels/index.js';
export type { Channels, ChannelsOptions } from './channels/index.js';
export {
  ATTACHMENT_LINK_PATH,
  attachmentLink,
  DEFAULT_LINK_TTL_MS,
  DEFAULT_OUTBOUND,
  INBOUND_PATH,
  linkProblem,
  OutboundTyping,
  SIGNATURE_HEADER,
  signBody,
  verifySignature,
} from './channels/index.js';
export type {
  InboundAnswer,
  InboundAttachment,
  InboundMessage,
  InboundTyping,
  OutboundAttachment,
  OutboundDefaults,
  OutboundMessage,
  TypingNotice,
} from './channels/index.js';
