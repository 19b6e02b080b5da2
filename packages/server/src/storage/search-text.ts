/**
 * The text the full-text index holds, and the FTS5 queries over it. Search in the engine is a
 * case- and accent-insensitive substring match (core `findRanges`); the index keeps every text
 * folded exactly as `findRanges` folds it, tokenised into trigrams, so a phrase query of the
 * folded needle finds every row that contains it. The index narrows candidates only: the engine's
 * own matching decides every hit, so results equal those of a full scan.
 */
import { foldForSearch } from '@live-chat/core';

/** The folding of core search (`foldForSearch` of `@live-chat/core`): what the index holds. */
export { foldForSearch };

/** Trigram indexes match needles of at least this many code points. */
const TRIGRAM = 3;

/**
 * The FTS5 `MATCH` expression for rows containing `text` (folded, trimmed as the engine trims
 * it), or `undefined` when the index cannot narrow the search (fewer than three characters):
 * then every row is a candidate.
 */
export function matchExpression(text: string): string | undefined {
  const needle = foldForSearch(text.trim());
  if ([...needle].length < TRIGRAM) return undefined;
  // One phrase: its trigrams in a row, i.e. the needle as a substring.
  return `"${needle.replaceAll('"', '""')}"`;
}

/**
 * The `LIKE … ESCAPE '\'` pattern of the texts that contain `needle` as it is: its `%`, `_` and
 * `\` match themselves.
 */
export function likeContains(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
