/**
 * The directory of a SQLite store: users, live chats and operator groups, kept in memory as a
 * {@link DirectoryView} (see there why). A change made through another connection (another
 * process on the same file) is noticed through SQLite's `PRAGMA data_version`, checked at the
 * start of every transaction.
 */
import type Database from 'better-sqlite3';
import type { LiveChat, OperatorGroup, User } from '@live-chat/core';
import { DirectoryView } from '@live-chat/core/engine';

/** The directory's tables, read through an in-memory copy (see the module comment). */
export class Directory {
  private loaded: DirectoryView | undefined;
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

  /**
   * Drops the in-memory copy when another connection committed since the last look; answers
   * whether one did (what else the store keeps in memory is stale too).
   */
  checkFreshness(): boolean {
    const version = this.readDataVersion.get() as number;
    if (version === this.dataVersion) return false;
    this.dataVersion = version;
    this.loaded = undefined;
    return true;
  }

  /** The directory as the tables hold it now (read again only after a change). */
  view(): DirectoryView {
    this.loaded ??= new DirectoryView(
      this.readUsers.all().map(({ data }) => JSON.parse(data) as User),
      this.readLiveChats.all().map(({ data }) => JSON.parse(data) as LiveChat),
      this.readGroups.all().map(({ data }) => JSON.parse(data) as OperatorGroup),
    );
    return this.loaded;
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
