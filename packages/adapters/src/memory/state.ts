/**
 * The memory backend's whole state as plain, JSON- and structured-clone-friendly data: what
 * seed data provides, what persistence saves and loads.
 */
import type {
  ActivityEntry,
  CannedReply,
  Directory,
  Id,
  Message,
  Session,
  SessionEpisode,
} from '@live-chat/core';
import type { CommandRecord } from '@live-chat/core/engine';

/** How far one user has read one session: every message with `order <= order` is read. */
export interface ReadMarker {
  userId: Id;
  sessionId: Id;
  order: number;
}

/** One entry of one user's activity stream (the same entry may be stored for several users). */
export interface UserActivity {
  userId: Id;
  entry: ActivityEntry;
}

/**
 * What a memory backend starts from: the directory (required) and, optionally, history.
 * Sessions, messages and episodes must be consistent with each other (as produced by
 * {@link createSeedData} or {@link MemoryBackend.exportState}).
 */
export interface SeedData extends Directory {
  sessions?: Session[];
  /** Messages of every session, in any order. */
  messages?: Message[];
  /** One record per session episode, for reports. */
  episodes?: SessionEpisode[];
  readMarkers?: ReadMarker[];
  /** Activity entries per user, oldest first. */
  activity?: UserActivity[];
  /**
   * Outcomes of operator commands by user and `commandId`, oldest first: a command repeated
   * after a reload still answers with its first result.
   */
  commandResults?: CommandRecord[];
  /** Canned replies, of live chats and personal. */
  cannedReplies?: CannedReply[];
  /** Next number for generated ids; derived from the existing ids when absent. */
  nextId?: number;
}

/** The complete saved state of a memory backend (see {@link BackendPersistence}). */
export interface BackendState extends Required<Omit<SeedData, 'commandResults' | 'cannedReplies'>> {
  version: 1;
  /** Command outcomes (absent in states saved before they were kept). */
  commandResults?: CommandRecord[];
  /** Canned replies (absent in states saved before they existed). */
  cannedReplies?: CannedReply[];
  /** Last `seq` of each user's event stream, so seqs keep increasing across reloads. */
  streamSeqs: Record<Id, number>;
}

/**
 * Where a memory backend keeps its state between page loads (e.g. IndexedDB). The backend calls
 * `save` after every change with a function that reads the current state; implementations
 * debounce and read the state once per write, so a burst of changes costs one write.
 */
export interface BackendPersistence {
  /** The last saved state, or `undefined` when nothing was saved yet. */
  load(): Promise<BackendState | undefined>;
  /** Schedules a (debounced) write of `readState()`. */
  save(readState: () => BackendState): void;
  /** Writes any scheduled state now; resolves when it is stored. */
  flush(): Promise<void>;
  /** Releases the storage (after a final flush). */
  close?(): Promise<void> | void;
}

/** Whether a value looks like a saved {@link BackendState} of a version this code reads. */
export function isBackendState(value: unknown): value is BackendState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<BackendState>;
  return (
    state.version === 1 &&
    Array.isArray(state.users) &&
    Array.isArray(state.liveChats) &&
    Array.isArray(state.groups) &&
    Array.isArray(state.customers) &&
    Array.isArray(state.sessions) &&
    Array.isArray(state.messages)
  );
}

/**
 * The last seq of each user's stream in a saved state: those streams continue from there, with
 * nothing left to replay. Empty for plain seed data.
 */
export function savedStreamSeqs(seed: SeedData): [Id, number][] {
  return Object.entries((seed as Partial<BackendState>).streamSeqs ?? {});
}

/** The highest trailing number of any id. */
function highestIdNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const match = /(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/**
 * The number a store's generated ids continue from after loading `seed`: its `nextId`, or one
 * above the highest trailing number of its session, message, customer and activity ids, so a
 * generated id never collides with a loaded one.
 */
export function seedNextId(seed: SeedData): number {
  return (
    seed.nextId ??
    1 +
      highestIdNumber([
        ...(seed.sessions ?? []).map((session) => session.id),
        ...(seed.messages ?? []).map((message) => message.id),
        ...seed.customers.map((customer) => customer.id),
        ...(seed.activity ?? []).map((activity) => activity.entry.id),
        ...(seed.cannedReplies ?? []).map((reply) => reply.id),
      ])
  );
}
