/**
 * What a text is made of, for the rules on untrusted text: whether anything in it would show at
 * all, whether it is well-formed UTF-16, and how to cut it short without breaking a character a
 * person sees as one (an emoji with its modifiers, a letter with its accents).
 */
import { codePointLength, exceedsLimit } from './limits.js';

/**
 * Characters that show nothing on their own: white space, control characters (NUL among them),
 * format characters (zero-width space, joiners, the byte order mark, bidi marks, embeddings,
 * overrides and isolates, tags, the soft hyphen), Hangul fillers, the braille blank, the
 * combining grapheme joiner and variation selectors.
 */
const INVISIBLE_ONLY =
  /^[\p{White_Space}\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]*$/u;

/** A surrogate that is not half of a pair (the `u` flag matches pairs as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` shows nothing: it is empty or made only of invisible characters. */
export function isInvisible(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/** Whether `text` holds a lone surrogate (half of an emoji, say): it is not well-formed Unicode. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

let graphemes: Intl.Segmenter | undefined;

/** The code points of `text`, one at a time. */
function* codePoints(text: string): Iterable<{ segment: string }> {
  for (const segment of text) yield { segment };
}

/**
 * The grapheme clusters of `text` (characters as a person sees them), one at a time; its code
 * points where `Intl.Segmenter` is missing.
 */
function clusters(text: string): Iterable<{ segment: string }> {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return codePoints(text);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemes.segment(text);
}

/**
 * `text` cut to at most `limit` code points, ending with `…` when it was cut. The cut falls
 * between grapheme clusters, so it never splits an emoji, a flag or a letter from its accents
 * (a cluster longer than the whole budget is left out).
 */
export function clampText(text: string, limit: number): string {
  if (!exceedsLimit(text, limit)) return text;
  const budget = limit - 1; // room for the ellipsis
  let used = 0;
  let end = 0;
  for (const { segment } of clusters(text)) {
    const size = codePointLength(segment);
    if (used + size > budget) break;
    used += size;
    end += segment.length;
  }
  return `${text.slice(0, end)}…`;
}
