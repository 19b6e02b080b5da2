import type { Id, Session } from '../domain/types.js';
import { withLastMessage } from './reducers.js';
import type { GroupBucket, GroupPlace, Membership } from './session-lists.js';
import type { SessionView } from './views.js';

// Per-row layout of the two record arrays.
const NUMBERS = 4; // lastOrder, lastAt, unread, mine
const LAST_ORDER = 0;
const LAST_AT = 1;
const UNREAD = 2;
const MINE = 3;
const REFS = 4; // session, lastText, first, second
const SESSION = 0;
const LAST_TEXT = 1;
const FIRST = 2;
const SECOND = 3;

/**
 * The store's per-session bookkeeping, one row per visible session, laid out as two flat
 * record arrays (numbers in a `Float64Array`, references in a plain array) indexed by a row
 * number that the id Map holds as its value.
 *
 * Why rows rather than one small object per session: an event about a random session out of
 * 100,000 would otherwise chase pointers into objects scattered over the whole heap (a cache
 * and TLB miss each, expensive under virtualisation). Rows of contiguous arrays stay cache- and
 * TLB-friendly, so the per-event cost stays flat as the number of sessions grows.
 *
 * Sessions themselves stay immutable entities, replaced, never mutated. A `message.added` only
 * moves a session's last-message fields forward (`withMessage` in reducers.ts), and most
 * sessions that get messages are not on screen, so the row folds those fields (`lastOrder`,
 * `lastAt`, `lastText`) and the new session object is built when someone reads it
 * ({@link materialize}): a message event allocates nothing. Reading gives exactly what applying
 * `reduceSession` event by event gives (a property test holds the store to that).
 */
export class SessionTable implements Membership {
  private readonly rows = new Map<Id, number>();
  private numbers = new Float64Array(NUMBERS * 256);
  private readonly refs: unknown[] = [];
  /** Groups beyond the first two, and cached rows (both rarely touched). */
  private readonly more: (readonly GroupBucket[] | null)[] = [];
  private readonly views: (SessionView | null)[] = [];
  private readonly free: number[] = [];
  private top = 0;

  get size(): number {
    return this.rows.size;
  }

  /** The row of a session, or -1. */
  find(id: Id): number {
    return this.rows.get(id) ?? -1;
  }

  ids(): IterableIterator<Id> {
    return this.rows.keys();
  }

  rowNumbers(): IterableIterator<number> {
    return this.rows.values();
  }

  clear(): void {
    this.rows.clear();
    this.refs.length = 0;
    this.more.length = 0;
    this.views.length = 0;
    this.free.length = 0;
    this.top = 0;
  }

  add(session: Session, unread: number, place: GroupPlace, mine: boolean): number {
    let row = this.free.pop();
    if (row === undefined) {
      row = this.top++;
      if ((row + 1) * NUMBERS > this.numbers.length) {
        const grown = new Float64Array(this.numbers.length * 2);
        grown.set(this.numbers);
        this.numbers = grown;
      }
    }
    this.rows.set(session.id, row);
    this.reset(row, session, unread);
    this.setPlace(row, place, mine);
    this.views[row] = null;
    return row;
  }

  delete(id: Id, row: number): void {
    this.rows.delete(id);
    const r = row * REFS;
    this.refs[r + SESSION] = null;
    this.refs[r + LAST_TEXT] = null;
    this.refs[r + FIRST] = null;
    this.refs[r + SECOND] = null;
    this.more[row] = null;
    this.views[row] = null;
    this.free.push(row);
  }

  /** Replaces the row's session (an upsert): nothing folded any more. */
  reset(row: number, session: Session, unread: number): void {
    const n = row * NUMBERS;
    this.numbers[n + LAST_ORDER] = session.lastMessageOrder;
    this.numbers[n + LAST_AT] = session.lastMessageAt;
    this.numbers[n + UNREAD] = unread;
    const r = row * REFS;
    this.refs[r + SESSION] = session;
    this.refs[r + LAST_TEXT] = null;
  }

  /** The session's groups (and whether it is the user's): set when its shape changes. */
  setPlace(row: number, place: GroupPlace, mine: boolean): void {
    this.numbers[row * NUMBERS + MINE] = mine ? 1 : 0;
    const r = row * REFS;
    this.refs[r + FIRST] = place.first;
    this.refs[r + SECOND] = place.second;
    this.more[row] = place.more;
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

  /** Active and assigned to the user: its unread count is part of the red counter. */
  mine(row: number): boolean {
    return this.numbers[row * NUMBERS + MINE] === 1;
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

  /** The groups the session is in, as a {@link GroupPlace} (for add / remove). */
  place(row: number): GroupPlace {
    const r = row * REFS;
    return {
      first: this.refs[r + FIRST] as GroupBucket | null,
      second: this.refs[r + SECOND] as GroupBucket | null,
      more: this.more[row] ?? null,
    };
  }

  first(row: number): GroupBucket | null {
    return this.refs[row * REFS + FIRST] as GroupBucket | null;
  }

  second(row: number): GroupBucket | null {
    return this.refs[row * REFS + SECOND] as GroupBucket | null;
  }

  moreOf(row: number): readonly GroupBucket[] | null {
    return this.more[row] ?? null;
  }

  /** Whether the row's session is in the bucket. */
  private isIn(row: number, bucket: GroupBucket): boolean {
    const r = row * REFS;
    if (this.refs[r + FIRST] === bucket || this.refs[r + SECOND] === bucket) return true;
    const more = this.more[row];
    return more != null && more.includes(bucket);
  }

  /** {@link Membership}: the sessions in a bucket (a scan of the table, for full sorts only). */
  *members(bucket: GroupBucket): IterableIterator<Id> {
    for (const [id, row] of this.rows) if (this.isIn(row, bucket)) yield id;
  }

  /** {@link Membership}: whether a session is in a bucket. */
  has(bucket: GroupBucket, id: Id): boolean {
    const row = this.rows.get(id);
    return row !== undefined && this.isIn(row, bucket);
  }

  view(row: number): SessionView | null {
    return this.views[row] ?? null;
  }

  setView(row: number, view: SessionView): void {
    this.views[row] = view;
  }
}
