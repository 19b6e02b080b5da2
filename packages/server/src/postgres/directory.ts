/**
 * The directory of a PostgreSQL store: users, live chats and operator groups, kept by each
 * instance as a {@link DirectoryView} (see there why). Every directory write bumps the
 * `directory` counter in its transaction; every transaction reads the counter first (in the same
 * round trip as its `BEGIN`) and loads the directory again, inside that transaction, when
 * another instance changed it.
 */
import type pg from 'pg';
import type { LiveChat, OperatorGroup, User } from '@live-chat/core';
import { DirectoryView } from '@live-chat/core/engine';

/** Reads the directory tables inside the caller's transaction. */
export async function loadDirectory(client: pg.ClientBase): Promise<DirectoryView> {
  const documents = async <T>(table: string) =>
    (await client.query<{ data: T }>(`SELECT data FROM ${table} ORDER BY pk`)).rows.map(
      (row) => row.data,
    );
  return new DirectoryView(
    await documents<User>('users'),
    await documents<LiveChat>('live_chats'),
    await documents<OperatorGroup>('operator_groups'),
  );
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
