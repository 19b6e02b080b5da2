import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { ActivityEntry, Id, LiveChatClient } from '@live-chat/core';

/** What {@link ActivityUnseenController} is given. */
export interface ActivityUnseenOptions {
  /** The client whose `activity$` is counted (read on every update of the host). */
  client: () => LiveChatClient | undefined;
  /** Whether the user sees the activity stream now: its entries are then seen. */
  seeing: () => boolean;
  /** New entries arrived; `unseen` is how many the user has not seen now. */
  arrived: (unseen: number, added: number) => void;
}

/**
 * Counts the activity entries the user has not seen: those that arrived since the stream was
 * last shown. What the client had when it became ready counts as seen; while the stream is
 * shown ({@link ActivityUnseenOptions.seeing}) every entry is seen. Each arrival is reported
 * (`arrived`), so the host can say it politely.
 */
export class ActivityUnseenController implements ReactiveController {
  readonly #seen = new Set<Id>();
  #client: LiveChatClient | undefined;
  #subscription: Subscription | undefined;
  #connected = false;
  #unseenIds = new Set<Id>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ActivityUnseenOptions,
  ) {
    host.addController(this);
  }

  /** How many entries arrived since the user last saw the stream. */
  get count(): number {
    return this.#unseenIds.size;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.options.client());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.options.client());
  }

  hostUpdated(): void {
    if (this.#unseenIds.size > 0 && this.options.seeing()) {
      this.#unseenIds = new Set();
      this.host.requestUpdate();
    }
  }

  #follow(client: LiveChatClient | undefined): void {
    if (client === this.#client && (this.#subscription || !client)) return;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#client = client;
    this.#seen.clear();
    this.#unseenIds = new Set();
    if (client) this.#subscription = client.activity$.subscribe((entries) => this.#update(entries));
  }

  #update(entries: readonly ActivityEntry[]): void {
    const ready = this.#client?.status.state === 'ready';
    const seeing = this.options.seeing();
    let added = 0;
    for (const entry of entries) {
      if (this.#seen.has(entry.id)) continue;
      this.#seen.add(entry.id);
      if (!ready) continue;
      added += 1;
      if (!seeing) this.#unseenIds.add(entry.id);
    }
    if (added === 0) return;
    this.options.arrived(this.#unseenIds.size, added);
    this.host.requestUpdate();
  }
}
