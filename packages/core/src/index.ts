/**
 * @packageDocumentation
 * `@live-chat/core`: the domain, protocol and client store of the Live Chat Workspace. It knows
 * no DOM framework and no transport, and runs in browsers and Node.
 *
 * @module \@live-chat/core
 */
export * from './domain/types.js';
export * from './domain/canned.js';
export * from './domain/attachments.js';
export * from './domain/errors.js';
export * from './domain/state-machine.js';
export * from './domain/access.js';
export * from './domain/counters.js';
export * from './domain/search.js';
export * from './domain/customer-search.js';
export * from './domain/reports.js';
export * from './domain/limits.js';
export * from './domain/text.js';
export * from './domain/records.js';
export * from './domain/validation.js';
export * from './domain/extensions.js';
export * from './protocol/commands.js';
export * from './protocol/events.js';
export * from './protocol/adapter.js';
export * from './protocol/adapter-base.js';
export * from './protocol/validate.js';
export * from './client/options.js';
export * from './client/views.js';
export * from './client/types.js';
export { createLiveChatClient } from './client/client.js';
export { createMemoryOutbox } from './client/outbox.js';
export { seededRandom } from './client/seeded-random.js';
export type { OutboxEntry, OutboxStorage, OutboxStore } from './client/outbox.js';
export type { SendOptions } from './client/conversation.js';
