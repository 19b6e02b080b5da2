/**
 * The directory of a SQLite store: users, live chats and operator groups. It changes rarely
 * (seeding, an administrator), is read by nearly every transaction, and the engine memoises
 * what it derives from these values by identity; so the store keeps the parsed directory in
 * memory and hands out the same values until the directory changes. A change made through
 * another connection (another process on the same file) is noticed through SQLite's
 * `PRAGMA data_version`, checked at the start of every transaction.
 */
import type Database from 'better-sqlite3';
import type { Id, LiveChat, OperatorGroup, User } from '@live-chat/core';

interface Loaded {
  users: Map<Id, User>;
  liveChats: Map<Id, LiveChat>;
  groups: Map<Id, OperatorGroup>;
  /** Operators and supervisors of any live chat. */
  staff: ReadonlySet<Id>;
  /** Memberships per user, built on first use. */
  memberships: Map<Id, Memberships>;
}

/** The live chats a user operates or supervises and the groups they are a member of. */
export interface Memberships {
  liveChats: LiveChat[];
  groups: OperatorGroup[];
}

const NO_MEMBERSHIPS: Memberships = Object.freeze({ liveChats: [], groups: [] }) as Memberships;

/** The directory's tables, read through an in-memory copy (see the module comment). */
export class Directory {
  private loaded: Loaded | undefined;
  private dataVersion: number | undefined;
  private readonly readDataVersion: Database.Statement<[], number>;
  private readonly readUsers: Database.Statement<[], { data: string }>;
  private readonly readLiveChats: Database.Statement<[], { data: string }>;
  private readonly readGroups: Database.Statement<[], { data: string }>;
  private readonly upsertUser: Database.Statement<[string, string]>;
  private readonly upsertLiveChat: Database.Statement<[string, string, string]>;
  private readonly clearStaff: Database.Statement<[string]>;
  private readonly insertStaff: Database.Statement<[string, string, string]>;
  private readonly upsertGroup: Database.Statement<[string, string, string, string]>;
  private readonly clearMembers: Database.Statement<[string]>;
  private readonly insertMember: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    this.readDataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.readUsers = db.prepare('SELECT data FROM users ORDER BY rowid');
    this.readLiveChats = db.prepare('SELECT data FROM live_chats ORDER BY rowid');
    this.readGroups = db.prepare('SELECT data FROM operator_groups ORDER BY rowid');
    this.upsertUser = db.prepare(
      'INSERT INTO users (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
    );
    this.upsertLiveChat = db.prepare(
      `INSERT INTO live_chats (id, name, data) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data`,
    );
    this.clearStaff = db.prepare('DELETE FROM live_chat_staff WHERE live_chat_id = ?');
    this.insertStaff = db.prepare(
      'INSERT OR IGNORE INTO live_chat_staff (live_chat_id, role, user_id) VALUES (?, ?, ?)',
    );
    this.upsertGroup = db.prepare(
      `INSERT INTO operator_groups (id, live_chat_id, name, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET
         live_chat_id = excluded.live_chat_id, name = excluded.name, data = excluded.data`,
    );
    this.clearMembers = db.prepare('DELETE FROM group_members WHERE group_id = ?');
    this.insertMember = db.prepare(
      'INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)',
    );
  }

  /** Forgets the in-memory copy (e.g. after a rolled-back transaction that wrote the directory). */
  invalidate(): void {
    this.loaded = undefined;
  }

  /** Drops the in-memory copy when another connection committed since the last look. */
  checkFreshness(): void {
    const version = this.readDataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.loaded = undefined;
    }
  }

  private load(): Loaded {
    if (this.loaded) return this.loaded;
    const parse = <T extends { id: Id }>(rows: { data: string }[]) =>
      new Map(rows.map(({ data }) => JSON.parse(data) as T).map((value) => [value.id, value]));
    const liveChats = parse<LiveChat>(this.readLiveChats.all());
    const staff = new Set<Id>();
    for (const chat of liveChats.values()) {
      for (const id of [...chat.operatorIds, ...chat.supervisorIds]) staff.add(id);
    }
    this.loaded = {
      users: parse<User>(this.readUsers.all()),
      liveChats,
      groups: parse<OperatorGroup>(this.readGroups.all()),
      staff,
      memberships: new Map(),
    };
    return this.loaded;
  }

  user(userId: Id): User | undefined {
    return this.load().users.get(userId);
  }

  users(): Iterable<User> {
    return this.load().users.values();
  }

  liveChat(liveChatId: Id): LiveChat | undefined {
    return this.load().liveChats.get(liveChatId);
  }

  liveChats(): Iterable<LiveChat> {
    return this.load().liveChats.values();
  }

  group(groupId: Id): OperatorGroup | undefined {
    return this.load().groups.get(groupId);
  }

  groups(): Iterable<OperatorGroup> {
    return this.load().groups.values();
  }

  membershipsOf(userId: Id): Memberships {
    const loaded = this.load();
    let found = loaded.memberships.get(userId);
    if (!found) {
      const liveChats = [...loaded.liveChats.values()].filter(
        (chat) => chat.operatorIds.includes(userId) || chat.supervisorIds.includes(userId),
      );
      const groups = [...loaded.groups.values()].filter((group) =>
        group.memberIds.includes(userId),
      );
      found =
        liveChats.length === 0 && groups.length === 0 ? NO_MEMBERSHIPS : { liveChats, groups };
      loaded.memberships.set(userId, found);
    }
    return found;
  }

  staffIds(): ReadonlySet<Id> {
    return this.load().staff;
  }

  // ── writes (seeding, administration): call inside a write transaction ────────────────────

  putUser(user: User): void {
    this.upsertUser.run(user.id, JSON.stringify(user));
    this.loaded = undefined;
  }

  putLiveChat(chat: LiveChat): void {
    this.upsertLiveChat.run(chat.id, chat.name, JSON.stringify(chat));
    this.clearStaff.run(chat.id);
    for (const id of chat.operatorIds) this.insertStaff.run(chat.id, 'operator', id);
    for (const id of chat.supervisorIds) this.insertStaff.run(chat.id, 'supervisor', id);
    this.loaded = undefined;
  }

  putGroup(group: OperatorGroup): void {
    this.upsertGroup.run(group.id, group.liveChatId, group.name, JSON.stringify(group));
    this.clearMembers.run(group.id);
    for (const id of group.memberIds) this.insertMember.run(group.id, id);
    this.loaded = undefined;
  }
}
