/**
 * Prometheus metrics of the server: {@link createServerMetrics} makes them (one registry per
 * server), `createLiveChatServer({ metrics })` records to them and serves `GET /metrics`.
 *
 * @module
 */
export { createServerMetrics, NO_METRICS } from './metrics.js';
export type {
  MetricsRecorder,
  RequestOutcome,
  ServerMetrics,
  ServerMetricsOptions,
  WebhookDeliveryOutcome,
} from './metrics.js';
export { createMetricsRoute, DEFAULT_METRICS_PATH, setUpServerMetrics } from './route.js';
export type { MetricsRouteOptions, ServerMetricsSetup } from './route.js';
