import type { Id, Session } from '../domain/types.js';
import { withLastMessage } from './reducers.js';
import type { GroupBucket, GroupPlace, Membership, PlaceTable } from './session-lists.js';
import type { SessionView } from './views.js';

// Per-row layout of the two record arrays.
const NUMBERS = 4; // lastOrder, lastAt, unread, place: 32 bytes, half a cache line
const LAST_ORDER = 0;
const LAST_AT = 1;
const UNREAD = 2;
const PLACE = 3;
const REFS = 3; // id, session, lastText
const ID = 0;
const SESSION = 1;
const LAST_TEXT = 2;

const NO_ROWS: readonly number[] = [];

/** A dictionary from id to row: a null-prototype object, which V8 keeps as a hash table. */
type RowIndex = Record<Id, number>;

const newRowIndex = (): RowIndex => Object.create(null) as RowIndex;

/**
 * The store's per-session bookkeeping, one row per visible session, laid out as two flat
 * record arrays (numbers in a `Float64Array`, references in a plain array) indexed by a row
 * number.
 *
 * Why rows rather than one small object per session: an event about a random session out of
 * 100,000 would otherwise chase pointers into objects scattered over the whole heap (a cache
 * and TLB miss each, expensive under virtualisation). An event touches the id index, one row
 * of numbers and one row of references, and nothing else that grows with the number of
 * sessions, so the per-event cost stays nearly flat as that number grows.
 *
 * The id index is a dictionary-mode object rather than a `Map`: V8 keeps its entries inline in
 * one open-addressing table keyed by internalized strings, so a lookup among 100,000 ids reads
 * one entry, where a `Map` follows a bucket to a separate entry and then compares the key's
 * characters. Ids that arrive as other string objects than the keys (JSON's longer strings,
 * a backend's own) are internalized on first use, once per string object.
 *
 * Sessions themselves stay immutable entities, replaced, never mutated: an upsert, or a message
 * that carries the session after it (as backends send it), puts that session in the row. A
 * message without one only moves the session's last-message fields forward (`withMessage` in
 * reducers.ts), and most sessions that get messages are not on screen, so the row folds those
 * fields (`lastOrder`, `lastAt`, `lastText`) and the new session object is built when someone
 * reads it ({@link materialize}). Reading gives exactly what applying `reduceSession` event by
 * event gives (a property test holds the store to that).
 */
export class SessionTable implements Membership {
  private index = newRowIndex();
  private count = 0;
  private numbers = new Float64Array(NUMBERS * 256);
  private readonly refs: unknown[] = [];
  private readonly views: (SessionView | null)[] = [];
  /** The rows of each customer's sessions (lists show customers: a change touches these rows). */
  private readonly byCustomer = new Map<Id, number[]>();
  private readonly free: number[] = [];
  private top = 0;

  /** @param places - the numbered places of the {@link GroupIndex} the rows refer to */
  constructor(private readonly places: PlaceTable) {}

  get size(): number {
    return this.count;
  }

  /** The row of a session, or -1. */
  find(id: Id): number {
    const row = this.index[id];
    return row === undefined ? -1 : row;
  }

  /** The rows in use. */
  *rowNumbers(): IterableIterator<number> {
    for (let row = 0; row < this.top; row++) if (this.refs[row * REFS + ID] != null) yield row;
  }

  clear(): void {
    this.index = newRowIndex();
    this.count = 0;
    this.byCustomer.clear();
    this.refs.length = 0;
    this.views.length = 0;
    this.free.length = 0;
    this.top = 0;
  }

  add(session: Session, unread: number, place: GroupPlace): number {
    let row = this.free.pop();
    if (row === undefined) {
      row = this.top++;
      if ((row + 1) * NUMBERS > this.numbers.length) {
        const grown = new Float64Array(this.numbers.length * 2);
        grown.set(this.numbers);
        this.numbers = grown;
      }
    }
    this.index[session.id] = row;
    this.count++;
    this.refs[row * REFS + ID] = session.id;
    this.refs[row * REFS + SESSION] = null;
    this.reset(row, session, unread);
    this.setPlace(row, place);
    this.views[row] = null;
    return row;
  }

  delete(id: Id, row: number): void {
    delete this.index[id];
    this.count--;
    this.leaveCustomer(row);
    const r = row * REFS;
    this.refs[r + ID] = null;
    this.refs[r + SESSION] = null;
    this.refs[r + LAST_TEXT] = null;
    this.numbers[row * NUMBERS + PLACE] = 0;
    this.views[row] = null;
    this.free.push(row);
  }

  /** Replaces the row's session (an upsert): nothing folded any more. */
  reset(row: number, session: Session, unread: number): void {
    const previous = this.refs[row * REFS + SESSION] as Session | null;
    if (previous?.customerId !== session.customerId) {
      if (previous) this.leaveCustomer(row);
      const rows = this.byCustomer.get(session.customerId);
      if (rows) rows.push(row);
      else this.byCustomer.set(session.customerId, [row]);
    }
    const n = row * NUMBERS;
    this.numbers[n + LAST_ORDER] = session.lastMessageOrder;
    this.numbers[n + LAST_AT] = session.lastMessageAt;
    this.numbers[n + UNREAD] = unread;
    const r = row * REFS;
    this.refs[r + SESSION] = session;
    this.refs[r + LAST_TEXT] = null;
  }

  /** The session's groups: set when its shape changes. */
  setPlace(row: number, place: GroupPlace): void {
    this.numbers[row * NUMBERS + PLACE] = place.index;
  }

  /**
   * Folds a message into the row, as `withMessage` would: only a newer order moves the
   * last-message fields. Returns whether it did.
   */
  foldMessage(row: number, order: number, sentAt: number, text: string): boolean {
    const n = row * NUMBERS;
    const numbers = this.numbers;
    if (order <= numbers[n + LAST_ORDER]) return false;
    numbers[n + LAST_ORDER] = order;
    if (sentAt > numbers[n + LAST_AT]) numbers[n + LAST_AT] = sentAt;
    this.refs[row * REFS + LAST_TEXT] = text;
    return true;
  }

  unread(row: number): number {
    return this.numbers[row * NUMBERS + UNREAD];
  }

  setUnread(row: number, unread: number): void {
    this.numbers[row * NUMBERS + UNREAD] = unread;
  }

  /** The session as last upserted or materialized, without folded messages (its shape is current). */
  base(row: number): Session {
    return this.refs[row * REFS + SESSION] as Session;
  }

  /** The session with its folded messages applied (memoised in the row). */
  materialize(row: number): Session {
    const r = row * REFS;
    const text = this.refs[r + LAST_TEXT] as string | null;
    const session = this.refs[r + SESSION] as Session;
    if (text === null) return session;
    const n = row * NUMBERS;
    const next = withLastMessage(
      session,
      this.numbers[n + LAST_AT]!,
      text,
      this.numbers[n + LAST_ORDER]!,
    );
    this.refs[r + SESSION] = next;
    this.refs[r + LAST_TEXT] = null;
    return next;
  }

  private leaveCustomer(row: number): void {
    const customerId = this.base(row).customerId;
    const rows = this.byCustomer.get(customerId) as number[];
    const at = rows.indexOf(row);
    rows[at] = rows[rows.length - 1] as number;
    rows.pop();
    if (rows.length === 0) this.byCustomer.delete(customerId);
  }

  /** The rows of a customer's sessions. */
  rowsOfCustomer(customerId: Id): readonly number[] {
    return this.byCustomer.get(customerId) ?? NO_ROWS;
  }

  /** The id of the session in a row. */
  idAt(row: number): Id {
    return this.refs[row * REFS + ID] as Id;
  }

  /** The groups the session is in. */
  place(row: number): GroupPlace {
    return this.places[this.numbers[row * NUMBERS + PLACE]] as GroupPlace;
  }

  /** {@link Membership}: the sessions in a bucket (a scan of the table, for full sorts only). */
  members(bucket: GroupBucket): Id[] {
    const ids: Id[] = [];
    const places = this.places;
    const numbers = this.numbers;
    for (let row = 0; row < this.top; row++) {
      const id = this.refs[row * REFS + ID] as Id | null;
      const place = places[numbers[row * NUMBERS + PLACE] as number] as GroupPlace;
      if (id !== null && place.buckets.includes(bucket)) ids.push(id);
    }
    return ids;
  }

  /** {@link Membership}: whether a session is in a bucket. */
  has(bucket: GroupBucket, id: Id): boolean {
    const row = this.find(id);
    return row >= 0 && this.place(row).buckets.includes(bucket);
  }

  view(row: number): SessionView | null {
    return this.views[row] ?? null;
  }

  setView(row: number, view: SessionView): void {
    this.views[row] = view;
  }
}
