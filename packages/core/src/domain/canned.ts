/**
 * Canned replies: texts an operator inserts into the composer by typing `/` and a few letters of
 * their shortcut. A live chat's replies are shared by its staff (its supervisors keep them); a
 * personal one belongs to one user. Variables such as `{{customer.name}}` are filled in when a
 * reply is inserted, from what the workspace knows then.
 */
import type { Id, Timestamp } from './types.js';

/** Whose a canned reply is: a live chat's (shared by its staff) or one user's. */
export type CannedScope = { kind: 'live-chat'; liveChatId: Id } | { kind: 'personal'; userId: Id };

/** One canned reply. */
export interface CannedReply {
  id: Id;
  scope: CannedScope;
  /** What the operator types after `/` to find it, e.g. `refund` (letters, digits, `_`, `-`, `.`). */
  shortcut: string;
  /** The text, with variables (see {@link CANNED_VARIABLES}); within the message limit. */
  text: string;
  updatedAt: Timestamp;
  /** Who saved it last. */
  updatedBy: Id;
}

/** How long a shortcut may be, and how many replies one scope keeps. */
export const CANNED_LIMITS = Object.freeze({ shortcut: 40, perScope: 500 } as const);

/** A shortcut: letters and digits of any script, `_`, `-` and `.`, at most 40 of them. */
export const CANNED_SHORTCUT_PATTERN = /^[\p{L}\p{N}_.-]{1,40}$/u;

/** The variables a canned reply may use, as written in its text: `{{customer.name}}`. */
export const CANNED_VARIABLES = Object.freeze([
  'customer.name',
  'operator.name',
  'session.name',
] as const);

/** A variable of {@link CANNED_VARIABLES}. */
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** One key per scope, e.g. to store and look up a scope's replies together. */
export function cannedScopeKey(scope: CannedScope): string {
  return scope.kind === 'live-chat' ? `live-chat:${scope.liveChatId}` : `personal:${scope.userId}`;
}

/**
 * The reply's text with its variables filled: `{{ customer.name }}` (spaces allowed) becomes
 * the value given for it. A variable without a value, or one this version does not know, stays
 * as written, so the operator sees what is missing before sending.
 */
export function fillCannedReply(
  text: string,
  values: Partial<Record<CannedVariable, string>>,
): string {
  return text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (written, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as CannedVariable] : undefined;
    return value === undefined || value === '' ? written : value;
  });
}

/**
 * How well `query` finds `target` (both already lower-cased): 3 when the target starts with it,
 * 2 when it contains it, between 1 and 2 when its letters appear in order (a fuzzy match: `rfnd`
 * finds `refund`; the closer together and the earlier they appear, the better), 0 otherwise.
 */
function matchScore(target: string, query: string): number {
  if (target.startsWith(query)) return 3;
  if (target.includes(query)) return 2;
  const letters = [...query];
  let at = 0;
  let start = -1;
  let index = 0;
  for (const char of target) {
    if (char === letters[at]) {
      if (at === 0) start = index;
      at++;
      if (at === letters.length) {
        const span = index - start + 1;
        return 1 + 0.5 * (letters.length / span) + 0.49 / (1 + start);
      }
    }
    index++;
  }
  return 0;
}

/**
 * The replies `query` finds, best first: by shortcut (a prefix, then anywhere, then its letters
 * in order), then by text (the words it contains); personal replies before shared ones on a
 * tie, then by shortcut. An empty query lists every reply by shortcut. At most `limit`.
 */
export function matchCannedReplies(
  replies: readonly CannedReply[],
  query: string,
  limit = 10,
): CannedReply[] {
  const wanted = query.trim().toLocaleLowerCase();
  const scored: { reply: CannedReply; score: number }[] = [];
  for (const reply of replies) {
    const byShortcut = wanted === '' ? 1 : matchScore(reply.shortcut.toLocaleLowerCase(), wanted);
    const byText = byShortcut > 0 ? 0 : reply.text.toLocaleLowerCase().includes(wanted) ? 0.5 : 0;
    const score = byShortcut || byText;
    if (score > 0) scored.push({ reply, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.reply.scope.kind === 'personal') - Number(a.reply.scope.kind === 'personal') ||
      a.reply.shortcut.localeCompare(b.reply.shortcut),
  );
  return scored.slice(0, limit).map((entry) => entry.reply);
}
