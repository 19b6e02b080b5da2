import type { ErrorInfo } from './errors.js';
import { codePointLength, exceedsLimit, MAX_SEARCH_LENGTH } from './limits.js';
import type { Id, Message, Session } from './types.js';
import { formatCount } from './validation.js';

/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A search, scoped as operators expect: with `sessionId` (a session is open) it searches that
 * session's name and its whole message history; without it, session names and the labels of
 * the tags sessions carry ("billing" finds every session tagged Billing).
 */
export interface SearchQuery {
  text: string;
  sessionId?: Id;
  /** Most hits returned (default 50). */
  limit?: number;
}

/** One hit, with the ranges to highlight. */
export type SearchHit =
  | {
      kind: 'session';
      sessionId: Id;
      text: string;
      ranges: TextRange[];
      /** The labels of the session's tags the text matched, when it matched any. */
      tags?: string[];
    }
  | {
      kind: 'message';
      sessionId: Id;
      messageId: Id;
      order: number;
      text: string;
      ranges: TextRange[];
    };

/** The `VALIDATION` error of a search text longer than {@link MAX_SEARCH_LENGTH} code points. */
export function searchTextError(text: string): ErrorInfo | undefined {
  if (!exceedsLimit(text, MAX_SEARCH_LENGTH)) return undefined;
  return {
    code: 'VALIDATION',
    message: `A search can be at most ${formatCount(MAX_SEARCH_LENGTH)} characters long.`,
    details: { field: 'text', limit: MAX_SEARCH_LENGTH, length: codePointLength(text) },
  };
}

/**
 * Folds text the way search matches it: per code point, accents stripped (NFD minus the
 * combining marks U+0300–U+036F) and lower-cased, keeping each code point's UTF-16 length, so
 * offsets in the folded text are offsets in the original. A store's full-text index that holds
 * texts folded by this function finds what {@link findRanges} finds.
 */
export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLocaleLowerCase();
    // Keep offsets stable: only accept foldings that keep the UTF-16 length.
    out +=
      base.length === ch.length
        ? base
        : ch.toLocaleLowerCase().length === ch.length
          ? ch.toLocaleLowerCase()
          : ch;
  }
  return out;
}

/** Every non-overlapping occurrence of `needle` in `haystack`, case- and accent-insensitive. */
export function findRanges(haystack: string, needle: string): TextRange[] {
  const query = foldForSearch(needle.trim());
  if (query.length === 0) return [];
  const text = foldForSearch(haystack);
  const ranges: TextRange[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(query, from);
    if (at < 0) break;
    ranges.push({ start: at, end: at + query.length });
    from = at + query.length;
  }
  return ranges;
}

/**
 * Runs a scoped search over data the caller already filtered to what the user may see.
 * Session hits come first (newest activity first), then message hits (newest first).
 */
export function searchScoped(
  query: SearchQuery,
  sessions: Iterable<Session>,
  messagesOf: (sessionId: Id) => Iterable<Message>,
  tagLabelsOf: (session: Session) => readonly string[] = () => [],
): SearchHit[] {
  const limit = query.limit ?? 50;
  const hits: SearchHit[] = [];
  if (query.text.trim().length === 0) return hits;
  const sessionHits: { session: Session; ranges: TextRange[]; tags: string[] }[] = [];
  const seen = new Set<Id>();
  for (const session of sessions) {
    if (query.sessionId !== undefined && session.id !== query.sessionId) continue;
    if (seen.has(session.id)) continue;
    seen.add(session.id);
    const ranges = findRanges(session.name, query.text);
    const tags = tagLabelsOf(session).filter((label) => findRanges(label, query.text).length > 0);
    if (ranges.length > 0 || tags.length > 0) sessionHits.push({ session, ranges, tags });
  }
  sessionHits.sort((a, b) => b.session.lastMessageAt - a.session.lastMessageAt);
  for (const { session, ranges, tags } of sessionHits) {
    if (hits.length >= limit) return hits;
    hits.push({
      kind: 'session',
      sessionId: session.id,
      text: session.name,
      ranges,
      ...(tags.length > 0 && { tags }),
    });
  }
  if (query.sessionId === undefined) return hits;
  const messages = [...messagesOf(query.sessionId)].sort((a, b) => b.order - a.order);
  for (const message of messages) {
    if (hits.length >= limit) break;
    const ranges = findRanges(message.text, query.text);
    if (ranges.length > 0) {
      hits.push({
        kind: 'message',
        sessionId: message.sessionId,
        messageId: message.id,
        order: message.order,
        text: message.text,
        ranges,
      });
    }
  }
  return hits;
}
