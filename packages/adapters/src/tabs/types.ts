import type { Observable } from 'rxjs';
import type { TabRole, TransportAdapter } from '@live-chat/core';

/** The part of the Web Locks API (`navigator.locks`) tab sharing uses. */
export interface TabLocks {
  /** Runs `callback` while holding the lock `name`, as `navigator.locks.request` does. */
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** A message listener of a {@link TabChannel}. */
export type TabChannelListener = (event: { data: unknown }) => void;

/**
 * The part of `BroadcastChannel` tab sharing uses: every other channel of the same name (in
 * every tab of the origin) receives what one posts; the poster does not.
 */
export interface TabChannel {
  /** Sends a message to every other channel of the same name. */
  postMessage(message: string): void;
  /** Starts receiving messages. */
  addEventListener(type: 'message', listener: TabChannelListener): void;
  /** Stops receiving messages. */
  removeEventListener(type: 'message', listener: TabChannelListener): void;
  /** Closes the channel. */
  close(): void;
}

/** Options of {@link createTabSharedAdapter}. */
export interface TabSharedAdapterOptions {
  /**
   * Who shares: tabs with the same key share one connection. Make it identify the signed-in
   * user and the backend (e.g. `` `${userId}@${backendUrl}` ``), so two users or two backends
   * in one browser never share.
   */
  key: string;
  /** Creates the real adapter. Called only in the leader tab, once each time a tab becomes leader. */
  connect: () => TransportAdapter;
  /**
   * The Web Locks API (default `navigator.locks`). Pass `null` to share nothing: the tab then
   * uses its own connection (`alone`).
   */
  locks?: TabLocks | null;
  /**
   * Opens the channel tabs talk over (default `name => new BroadcastChannel(name)`). Pass `null`
   * to share nothing.
   */
  channel?: ((name: string) => TabChannel) | null;
  /**
   * How long a follower's forwarded call waits for the leader's answer, including the wait for a
   * leader to appear (default 10,000 ms). Then it rejects with `TIMEOUT`.
   */
  requestTimeoutMs?: number;
}

/** A `TransportAdapter` shared between the tabs of one user (see {@link createTabSharedAdapter}). */
export interface TabSharedAdapter extends TransportAdapter {
  /** This tab's role; replays the latest value to new subscribers, completes on dispose. */
  readonly tabRole$: Observable<TabRole>;
  /** This tab's role, now. */
  readonly tabRole: TabRole;
  /** Leaves the group: a leader hands the connection over to another tab. */
  dispose(): void;
}
