/**
 * One version of a store's directory (users, live chats, operator groups) in memory, answering
 * the directory reads of {@link StoreTransaction}. The directory changes rarely and is read by
 * nearly every transaction, and the engine memoises what it derives from these values by
 * identity; so a store keeps a view and hands out its values until the directory changes (how a
 * store notices a change is its own: the in-memory store's directory never does).
 */
import type { Id, LiveChat, OperatorGroup, User } from '../domain/types.js';
import type { StoreTransaction } from './port.js';

/** The live chats a user operates or supervises and the groups they are a member of. */
export interface Memberships {
  liveChats: LiveChat[];
  groups: OperatorGroup[];
}

const NO_MEMBERSHIPS: Memberships = Object.freeze({ liveChats: [], groups: [] }) as Memberships;

/** Values by id, in the order given. */
const byId = <T extends { id: Id }>(values: Iterable<T>) =>
  new Map<Id, T>([...values].map((value) => [value.id, value]));

/** The directory as read at one moment (see the module comment). */
export class DirectoryView implements Pick<
  StoreTransaction<'sync'>,
  'user' | 'users' | 'liveChat' | 'liveChats' | 'group' | 'groups' | 'membershipsOf' | 'staffIds'
> {
  private readonly usersById: ReadonlyMap<Id, User>;
  private readonly liveChatsById: ReadonlyMap<Id, LiveChat>;
  private readonly groupsById: ReadonlyMap<Id, OperatorGroup>;
  /** Operators and supervisors of any live chat. */
  private readonly staff = new Set<Id>();
  /** Memberships per user, built on first use. */
  private readonly memberships = new Map<Id, Memberships>();

  /** A view of these records, each list in directory order. */
  constructor(
    users: Iterable<User>,
    liveChats: Iterable<LiveChat>,
    groups: Iterable<OperatorGroup>,
  ) {
    this.usersById = byId(users);
    this.liveChatsById = byId(liveChats);
    this.groupsById = byId(groups);
    for (const chat of this.liveChatsById.values()) {
      for (const id of [...chat.operatorIds, ...chat.supervisorIds]) this.staff.add(id);
    }
  }

  /** A user by id. */
  user(userId: Id): User | undefined {
    return this.usersById.get(userId);
  }

  /** Every user. */
  users(): Iterable<User> {
    return this.usersById.values();
  }

  /** A live chat by id. */
  liveChat(liveChatId: Id): LiveChat | undefined {
    return this.liveChatsById.get(liveChatId);
  }

  /** Every live chat. */
  liveChats(): Iterable<LiveChat> {
    return this.liveChatsById.values();
  }

  /** An operator group by id. */
  group(groupId: Id): OperatorGroup | undefined {
    return this.groupsById.get(groupId);
  }

  /** Every operator group. */
  groups(): Iterable<OperatorGroup> {
    return this.groupsById.values();
  }

  /**
   * What `userId` operates, supervises or is a member of. Users with no membership share one
   * (frozen) answer.
   */
  membershipsOf(userId: Id): Memberships {
    let found = this.memberships.get(userId);
    if (!found) {
      const liveChats = [...this.liveChatsById.values()].filter(
        (chat) => chat.operatorIds.includes(userId) || chat.supervisorIds.includes(userId),
      );
      const groups = [...this.groupsById.values()].filter((group) =>
        group.memberIds.includes(userId),
      );
      found =
        liveChats.length === 0 && groups.length === 0 ? NO_MEMBERSHIPS : { liveChats, groups };
      this.memberships.set(userId, found);
    }
    return found;
  }

  /** Every operator and supervisor of any live chat. */
  staffIds(): ReadonlySet<Id> {
    return this.staff;
  }
}
