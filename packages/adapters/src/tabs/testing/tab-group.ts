/**
 * Test support: "tabs" of one user opened side by side in this process, over real
 * `BroadcastChannel`s and {@link createProcessLocks}. Each tab has its own channel object and
 * tab id, exactly as separate tabs would; the first one opened leads.
 */
import { filter, firstValueFrom } from 'rxjs';
import type { ConnectionState, TransportAdapter } from '@live-chat/core';
import { createTabSharedAdapter } from '../tab-shared-adapter.js';
import type { TabSharedAdapter } from '../types.js';
import { createProcessLocks } from './process-locks.js';

let groups = 0;

/** The tabs of one user (one `key`). */
export interface TabGroup {
  /** The group's key (its channel is `'live-chat:' + key`). */
  readonly key: string;
  /** Opens one more tab of the group. */
  open(): TabSharedAdapter;
  /** Disposes every tab opened (the followers first, so no takeover runs). */
  dispose(): void;
}

/** A new group whose leader connects with `connect`. */
export function createTabGroup(
  connect: () => TransportAdapter,
  options: { requestTimeoutMs?: number } = {},
): TabGroup {
  const key = `test-group-${++groups}-${Math.random().toString(36).slice(2)}`;
  const locks = createProcessLocks();
  const tabs: TabSharedAdapter[] = [];
  return {
    key,
    open() {
      const tab = createTabSharedAdapter({ key, connect, locks, ...options });
      tabs.push(tab);
      return tab;
    },
    dispose() {
      for (const tab of tabs.splice(0).reverse()) tab.dispose();
    },
  };
}

/** Resolves once `tab` is online (a follower: once its leader answered, online). */
export function online(tab: TransportAdapter): Promise<ConnectionState> {
  return firstValueFrom(tab.connection$.pipe(filter((state) => state === 'online')));
}
