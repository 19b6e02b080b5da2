/**
 * The directory of a PostgreSQL store: users, live chats and operator groups. It changes rarely
 * (seeding, an administrator) and is read by nearly every transaction, and the engine memoises
 * what it derives from these values by identity; so each instance keeps the parsed directory in
 * memory and hands out the same values until it changes. Every directory write bumps the
 * `directory` counter in its transaction; every transaction reads the counter first (in the same
 * round trip as its `BEGIN`) and loads the directory again, inside that transaction, when
 * another instance changed it.
 */
import type pg from 'pg';
import type { Id, LiveChat, OperatorGroup, User } from '@live-chat/core';

/** The live chats a user operates or supervises and the groups they are a member of. */
export interface Memberships {
  liveChats: LiveChat[];
  groups: OperatorGroup[];
}

const NO_MEMBERSHIPS: Memberships = Object.freeze({ liveChats: [], groups: [] }) as Memberships;

/** One version of the directory, as read from the tables. */
export class DirectoryView {
  private readonly memberships = new Map<Id, Memberships>();
  readonly staff: ReadonlySet<Id>;

  constructor(
    readonly version: number,
    readonly users: ReadonlyMap<Id, User>,
    readonly liveChats: ReadonlyMap<Id, LiveChat>,
    readonly groups: ReadonlyMap<Id, OperatorGroup>,
  ) {
    const staff = new Set<Id>();
    for (const chat of liveChats.values()) {
      for (const id of [...chat.operatorIds, ...chat.supervisorIds]) staff.add(id);
    }
    this.staff = staff;
  }

  membershipsOf(userId: Id): Memberships {
    let found = this.memberships.get(userId);
    if (!found) {
      const liveChats = [...this.liveChats.values()].filter(
        (chat) => chat.operatorIds.includes(userId) || chat.supervisorIds.includes(userId),
      );
      const groups = [...this.groups.values()].filter((group) => group.memberIds.includes(userId));
      found =
        liveChats.length === 0 && groups.length === 0 ? NO_MEMBERSHIPS : { liveChats, groups };
      this.memberships.set(userId, found);
    }
    return found;
  }
}

/** Reads the directory tables inside the caller's transaction. */
export async function loadDirectory(
  client: pg.ClientBase,
  version: number,
): Promise<DirectoryView> {
  const byId = <T extends { id: Id }>(rows: { data: T }[]) =>
    new Map(rows.map(({ data }) => [data.id, data]));
  const users = await client.query<{ data: User }>('SELECT data FROM users ORDER BY pk');
  const chats = await client.query<{ data: LiveChat }>('SELECT data FROM live_chats ORDER BY pk');
  const groups = await client.query<{ data: OperatorGroup }>(
    'SELECT data FROM operator_groups ORDER BY pk',
  );
  return new DirectoryView(version, byId(users.rows), byId(chats.rows), byId(groups.rows));
}

/** Directory writes (seeding, administration): call inside a write transaction. */
export async function putUser(client: pg.ClientBase, user: User): Promise<void> {
  await client.query(
    `INSERT INTO users (id, data) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
    [user.id, JSON.stringify(user)],
  );
  await bumpDirectory(client);
}

export async function putLiveChat(client: pg.ClientBase, chat: LiveChat): Promise<void> {
  await client.query(
    `INSERT INTO live_chats (id, name, data) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data`,
    [chat.id, chat.name, JSON.stringify(chat)],
  );
  await client.query('DELETE FROM live_chat_staff WHERE live_chat_id = $1', [chat.id]);
  await client.query(
    `INSERT INTO live_chat_staff (live_chat_id, role, user_id)
     SELECT $1, 'operator', unnest($2::text[])
     UNION SELECT $1, 'supervisor', unnest($3::text[])
     ON CONFLICT DO NOTHING`,
    [chat.id, chat.operatorIds, chat.supervisorIds],
  );
  await bumpDirectory(client);
}

export async function putGroup(client: pg.ClientBase, group: OperatorGroup): Promise<void> {
  await client.query(
    `INSERT INTO operator_groups (id, live_chat_id, name, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET
       live_chat_id = excluded.live_chat_id, name = excluded.name, data = excluded.data`,
    [group.id, group.liveChatId, group.name, JSON.stringify(group)],
  );
  await client.query('DELETE FROM group_members WHERE group_id = $1', [group.id]);
  await client.query(
    `INSERT INTO group_members (group_id, user_id) SELECT $1, unnest($2::text[])
     ON CONFLICT DO NOTHING`,
    [group.id, group.memberIds],
  );
  await bumpDirectory(client);
}

async function bumpDirectory(client: pg.ClientBase): Promise<void> {
  await client.query(`UPDATE counters SET value = value + 1 WHERE name = 'directory'`);
}
