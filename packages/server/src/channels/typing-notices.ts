/**
 * Operators' typing, for channels that show it to the customer: when an endpoint's `outbound`
 * has `typing: true`, each typing signal of an operator in one of its sessions (throttled by the
 * backend) is POSTed to `outbound.url` as a notice, signed like every outbound request, with
 * `X-Live-Chat-Notice: typing`. A notice is ephemeral: one attempt, never queued, never
 * retried (a lost `typing: true` lapses by itself on the customer's side).
 */
import type { Logger } from 'pino';
import type { Id, Session } from '@live-chat/core';
import type { StoreMode } from '@live-chat/core/engine';
import type { SqlBackend } from '../storage/sql-backend.js';
import { outboundSecret } from './endpoints.js';
import { DEFAULT_OUTBOUND } from './outbound.js';
import { postSigned } from './signature.js';
import type { ChannelStore } from './store.js';

/** The body of a typing notice (see docs/server.md, "Channels"). */
export interface TypingNotice {
  type: 'typing';
  channelId: string;
  sessionId: Id;
  liveChatId: Id;
  customer: { id: Id; externalId: string };
  operator: { id: Id };
  /** `true`: the operator is typing; `false`: they stopped (sent, or cleared their text). */
  typing: boolean;
  /** When the server passed it on (ms since the epoch). */
  at: number;
}

/** What typing notices need of a backend. */
export type TypingNoticeBackend = Pick<
  SqlBackend<StoreMode>,
  'onOperatorTyping' | 'getCustomer' | 'now' | 'isDisposed'
>;

/** Options of {@link OutboundTyping}. */
export interface OutboundTypingOptions {
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

/** Posts operators' typing to the endpoints that ask for it (see the module comment). */
export class OutboundTyping {
  private readonly stopListening: () => void;
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  /** Notices posted and answered 2xx, and those that failed (for operations and tests). */
  readonly counts = { posted: 0, failed: 0 };

  constructor(
    private readonly backend: TypingNoticeBackend,
    private readonly store: ChannelStore,
    private readonly options: OutboundTypingOptions,
  ) {
    this.stopListening = backend.onOperatorTyping((session, userId, typing) => {
      void this.post(session, userId, typing);
    });
  }

  private async post(session: Session, userId: Id, typing: boolean): Promise<void> {
    if (this.closed || this.backend.isDisposed) return;
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const endpoint = (await this.store.endpoints()).find(
        (candidate) =>
          candidate.liveChatId === session.liveChatId &&
          candidate.channel === session.channel &&
          candidate.outbound?.typing === true,
      );
      const secret = endpoint ? outboundSecret(endpoint, this.options.env) : undefined;
      if (!endpoint?.outbound || !secret) return;
      const customer = await this.backend.getCustomer(session.customerId);
      const externalId =
        (await this.store.externalIdOf(endpoint.id, session.customerId)) ??
        (customer?.kind === 'external' ? customer.account : session.customerId);
      const notice: TypingNotice = {
        type: 'typing',
        channelId: endpoint.id,
        sessionId: session.id,
        liveChatId: session.liveChatId,
        customer: { id: session.customerId, externalId },
        operator: { id: userId },
        typing,
        at: this.backend.now(),
      };
      const status = await postSigned(
        this.options.fetch ?? fetch,
        endpoint.outbound.url,
        secret,
        JSON.stringify(notice),
        { 'x-live-chat-notice': 'typing' },
        endpoint.outbound.timeoutMs ?? DEFAULT_OUTBOUND.timeoutMs,
        controller,
      );
      if (status >= 200 && status < 300) this.counts.posted++;
      else {
        this.counts.failed++;
        this.options.logger.debug({ channelId: endpoint.id, status }, 'typing notice refused');
      }
    } catch (error) {
      this.counts.failed++;
      if (!this.closed) this.options.logger.debug({ err: error }, 'typing notice not posted');
    } finally {
      this.inFlight.delete(controller);
    }
  }

  /** Stops: no more notices, those in flight are aborted. */
  close(): void {
    this.closed = true;
    this.stopListening();
    for (const controller of this.inFlight) controller.abort(new Error('closing'));
  }
}
