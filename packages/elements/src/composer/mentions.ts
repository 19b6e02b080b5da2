import { MAX_MENTIONS, type Id, type LiveChatClient } from '@live-chat/core';

/**
 * `@mentions` in a note, as plain functions on the draft: where an `@` the user is typing
 * starts, which colleagues it may name, what choosing one inserts, and which of the chosen
 * colleagues the text still names when it is sent.
 */

/** A colleague who can be mentioned: an operator or supervisor of the session's live chat. */
export interface Colleague {
  id: Id;
  name: string;
}

/** The `@…` being typed: from the `@` (`start`) to the caret (`end`), and the text after the `@`. */
export interface MentionQuery {
  start: number;
  end: number;
  query: string;
}

/** Longest text after an `@` still read as a name being typed. */
const MAX_QUERY_LENGTH = 40;

/**
 * The mention being typed at `caret`: an `@` at the start of the text or after a space or an
 * opening bracket, followed by up to the caret by letters without spaces. Undefined otherwise
 * (an e-mail address, a finished word).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | undefined {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY_LENGTH) return undefined;
  const query = before.slice(at + 1);
  if (/[\s@]/.test(query)) return undefined;
  const previous = at > 0 ? before[at - 1]! : ' ';
  if (!/[\s([{«"']/.test(previous)) return undefined;
  return { start: at, end: caret, query };
}

/**
 * The colleagues of the session's live chat a note may mention, by name: its operators and
 * supervisors, less the user. Empty when the client does not know the session or its chat.
 */
export function colleaguesOf(client: LiveChatClient, sessionId: Id): Colleague[] {
  const liveChatId = client.getSession(sessionId)?.session.liveChatId;
  const liveChat = liveChatId ? client.getLiveChat(liveChatId) : undefined;
  if (!liveChat) return [];
  const me = client.me?.id;
  const ids = new Set([...liveChat.operatorIds, ...liveChat.supervisorIds]);
  const colleagues: Colleague[] = [];
  for (const id of ids) {
    const name = client.getUser(id)?.name;
    if (id !== me && name) colleagues.push({ id, name });
  }
  return colleagues.sort((a, b) => a.name.localeCompare(b.name));
}

/** The colleagues whose name, or a word of it, starts with `query` (all of them for ''). */
export function matchColleagues(
  colleagues: readonly Colleague[],
  query: string,
  locale: string,
): Colleague[] {
  const wanted = query.toLocaleLowerCase(locale);
  if (!wanted) return [...colleagues];
  return colleagues.filter((colleague) =>
    colleague.name
      .toLocaleLowerCase(locale)
      .split(/\s+/)
      .some((word) => word.startsWith(wanted)),
  );
}

/** The draft with `query` replaced by `@Name ` and where the caret goes after it. */
export function insertMention(
  text: string,
  query: MentionQuery,
  colleague: Colleague,
): { text: string; caret: number } {
  const inserted = `@${colleague.name} `;
  const after = text.slice(query.end).replace(/^ /, '');
  return {
    text: text.slice(0, query.start) + inserted + after,
    caret: query.start + inserted.length,
  };
}

/**
 * The ids of the chosen colleagues whose `@Name` the text still holds, in the order they were
 * chosen, each once and at most {@link MAX_MENTIONS}: a mention deleted from the text is not sent.
 */
export function mentionsInText(text: string, chosen: readonly Colleague[]): Id[] {
  const ids: Id[] = [];
  for (const colleague of chosen) {
    if (ids.length >= MAX_MENTIONS) break;
    if (!ids.includes(colleague.id) && text.includes(`@${colleague.name}`)) ids.push(colleague.id);
  }
  return ids;
}

/** Pieces of a note's text: plain text, and the `@Name` of each mentioned colleague. */
export type NotePiece = { text: string; mention?: false } | { text: string; mention: true };

/** Splits `text` at each `@Name` of `names` (longest first), for showing mentions highlighted. */
export function splitMentions(text: string, names: readonly string[]): NotePiece[] {
  const tokens = [...new Set(names)]
    .filter(Boolean)
    .map((name) => `@${name}`)
    .sort((a, b) => b.length - a.length);
  const pieces: NotePiece[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const token = text[i] === '@' ? tokens.find((t) => text.startsWith(t, i)) : undefined;
    if (token) {
      if (plain) pieces.push({ text: plain });
      plain = '';
      pieces.push({ text: token, mention: true });
      i += token.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}
