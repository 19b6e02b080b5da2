import type { Id, Session } from '../domain/types.js';
import { withLastMessage } from './reducers.js';
import type { GroupBucket, GroupPlace, Membership, PlaceTable } from './session-lists.js';
import type { SessionView } from './views.js';

/** The layout of a row: eight slots (32 bytes with pointer compression, half a cache line). */
const enum Slot {
  Id,
  Session,
  /** The text of the last message folded into the row since its session was set, or null. */
  LastText,
  LastOrder,
  Unread,
  /** The number of the session's place (see {@link GroupPlace}). */
  Place,
  /** The session's customer, kept apart from the session: reading the old session misses the cache. */
  Customer,
  /** The cached row of lists ({@link SessionView}). */
  View,
  /** Slots per row. */
  Count,
}

const NO_ROWS: readonly number[] = [];

/** A dictionary from id to row: a null-prototype object, which V8 keeps as a hash table. */
type RowIndex = Record<Id, number>;

const newRowIndex = (): RowIndex => Object.create(null) as RowIndex;

/**
 * The store's per-session bookkeeping, one row per visible session, laid out as one flat record
 * array (eight slots a row: references, and small integers stored inline) indexed by a row
 * number.
 *
 * Why rows rather than one small object per session: an event about a random session out of
 * 100,000 would otherwise chase pointers into objects scattered over the whole heap (a cache
 * and TLB miss each, expensive under virtualisation). An event touches the id index and one row,
 * and nothing else that grows with the number of sessions, so the per-event cost stays nearly
 * flat as that number grows.
 *
 * The id index is a dictionary-mode object rather than a `Map`: V8 keeps its entries inline in
 * one open-addressing table keyed by internalized strings, so a lookup among 100,000 ids reads
 * one entry, where a `Map` follows a bucket to a separate entry and then compares the key's
 * characters. An id that is another string object than the key (`JSON.parse` internalizes only
 * short strings; a backend hands over its own) is first looked up in V8's string table, once
 * per string object: for long ids off a wire, once per event.
 *
 * Sessions themselves stay immutable entities, replaced, never mutated: an upsert, or a message
 * that carries the session after it (as backends send it), puts that session in the row. A
 * message without one only moves the session's last-message fields forward (`withMessage` in
 * reducers.ts), and most sessions that get messages are not on screen, so the row folds those
 * fields (its `LastOrder` and `LastText` slots, and the `lastAt` column) and the new session
 * object is built when someone reads it ({@link materialize}). Reading gives exactly what
 * applying `reduceSession` event by event gives (a property test holds the store to that).
 */
export class SessionTable implements Membership {
  #index = newRowIndex();
  #count = 0;
  readonly #rows: unknown[] = [];
  /** The last message's time of rows with a folded message (a column: one number per row). */
  readonly #lastAt: number[] = [];
  /** The rows of each customer's sessions (lists show customers: a change touches these rows). */
  readonly #byCustomer = new Map<Id, number[]>();
  readonly #free: number[] = [];
  #top = 0;

  readonly #places: PlaceTable;

  /** @param places - the numbered places of the {@link GroupIndex} the rows refer to */
  constructor(places: PlaceTable) {
    this.#places = places;
  }

  get size(): number {
    return this.#count;
  }

  /** The row of a session, or -1. */
  find(id: Id): number {
    const row = this.#index[id];
    return row === undefined ? -1 : row;
  }

  /** The rows in use. */
  *rowNumbers(): IterableIterator<number> {
    for (let row = 0; row < this.#top; row++)
      if (this.#rows[row * Slot.Count + Slot.Id] !== null) yield row;
  }

  clear(): void {
    this.#index = newRowIndex();
    this.#count = 0;
    this.#byCustomer.clear();
    this.#rows.length = 0;
    this.#lastAt.length = 0;
    this.#free.length = 0;
    this.#top = 0;
  }

  add(session: Session, unread: number, place: GroupPlace): number {
    const row = this.#free.pop() ?? this.#top++;
    const r = row * Slot.Count;
    const rows = this.#rows;
    this.#index[session.id] = row;
    this.#count++;
    rows[r + Slot.Id] = session.id;
    rows[r + Slot.Session] = null;
    rows[r + Slot.LastText] = null;
    rows[r + Slot.LastOrder] = 0;
    rows[r + Slot.Unread] = 0;
    rows[r + Slot.Place] = place.index;
    rows[r + Slot.Customer] = null;
    rows[r + Slot.View] = null;
    this.#lastAt[row] = 0; // a new row appends: the column stays a dense array of numbers
    this.reset(row, session, unread);
    return row;
  }

  delete(id: Id, row: number): void {
    delete this.#index[id];
    this.#count--;
    this.#leaveCustomer(row);
    const r = row * Slot.Count;
    this.#rows.fill(null, r, r + Slot.Count);
    this.#free.push(row);
  }

  /** Replaces the row's session (an upsert): nothing folded any more. */
  reset(row: number, session: Session, unread: number): void {
    const r = row * Slot.Count;
    const rows = this.#rows;
    const customerId = session.customerId;
    const previous = rows[r + Slot.Customer] as Id | null;
    if (previous !== customerId) {
      if (previous !== null) this.#leaveCustomer(row);
      rows[r + Slot.Customer] = customerId;
      const customerRows = this.#byCustomer.get(customerId);
      if (customerRows) customerRows.push(row);
      else this.#byCustomer.set(customerId, [row]);
    }
    rows[r + Slot.Session] = session;
    rows[r + Slot.LastText] = null;
    rows[r + Slot.LastOrder] = session.lastMessageOrder;
    rows[r + Slot.Unread] = unread;
  }

  /** The session's groups: set when its shape changes. */
  setPlace(row: number, place: GroupPlace): void {
    this.#rows[row * Slot.Count + Slot.Place] = place.index;
  }

  /**
   * Folds a message into the row, as `withMessage` would: only a newer order moves the
   * last-message fields. Returns whether it did.
   */
  foldMessage(row: number, order: number, sentAt: number, text: string): boolean {
    const r = row * Slot.Count;
    const rows = this.#rows;
    if (order <= (rows[r + Slot.LastOrder] as number)) return false;
    const lastAt =
      rows[r + Slot.LastText] === null
        ? (rows[r + Slot.Session] as Session).lastMessageAt
        : (this.#lastAt[row] as number);
    this.#lastAt[row] = Math.max(lastAt, sentAt);
    rows[r + Slot.LastOrder] = order;
    rows[r + Slot.LastText] = text;
    return true;
  }

  unread(row: number): number {
    return this.#rows[row * Slot.Count + Slot.Unread] as number;
  }

  setUnread(row: number, unread: number): void {
    this.#rows[row * Slot.Count + Slot.Unread] = unread;
  }

  /** The session as last upserted or materialized, without folded messages (its shape is current). */
  base(row: number): Session {
    return this.#rows[row * Slot.Count + Slot.Session] as Session;
  }

  /** The session with its folded messages applied (memoised in the row). */
  materialize(row: number): Session {
    const r = row * Slot.Count;
    const rows = this.#rows;
    const text = rows[r + Slot.LastText] as string | null;
    const session = rows[r + Slot.Session] as Session;
    if (text === null) return session;
    const next = withLastMessage(
      session,
      this.#lastAt[row] as number,
      text,
      rows[r + Slot.LastOrder] as number,
    );
    rows[r + Slot.Session] = next;
    rows[r + Slot.LastText] = null;
    return next;
  }

  #leaveCustomer(row: number): void {
    const customerId = this.#rows[row * Slot.Count + Slot.Customer] as Id;
    const customerRows = this.#byCustomer.get(customerId) as number[];
    const at = customerRows.indexOf(row);
    customerRows[at] = customerRows[customerRows.length - 1] as number;
    customerRows.pop();
    if (customerRows.length === 0) this.#byCustomer.delete(customerId);
  }

  /** The rows of a customer's sessions. */
  rowsOfCustomer(customerId: Id): readonly number[] {
    return this.#byCustomer.get(customerId) ?? NO_ROWS;
  }

  /** The id of the session in a row. */
  idAt(row: number): Id {
    return this.#rows[row * Slot.Count + Slot.Id] as Id;
  }

  /** The groups the session is in. */
  place(row: number): GroupPlace {
    return this.#places[this.#rows[row * Slot.Count + Slot.Place] as number] as GroupPlace;
  }

  /** {@link Membership}: the sessions in a bucket (a scan of the table, for full sorts only). */
  members(bucket: GroupBucket): Id[] {
    const ids: Id[] = [];
    const rows = this.#rows;
    for (let row = 0; row < this.#top; row++) {
      const id = rows[row * Slot.Count + Slot.Id] as Id | null;
      if (id !== null && this.place(row).buckets.includes(bucket)) ids.push(id);
    }
    return ids;
  }

  /** {@link Membership}: whether a session is in a bucket. */
  has(bucket: GroupBucket, id: Id): boolean {
    const row = this.find(id);
    return row >= 0 && this.place(row).buckets.includes(bucket);
  }

  view(row: number): SessionView | null {
    return this.#rows[row * Slot.Count + Slot.View] as SessionView | null;
  }

  setView(row: number, view: SessionView): void {
    this.#rows[row * Slot.Count + Slot.View] = view;
  }
}
