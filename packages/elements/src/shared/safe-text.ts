import { html, type TemplateResult } from 'lit';
import { isSafeLink, type TextRange } from '@live-chat/core';
import { renderUrlLink } from './untrusted-url.js';

/**
 * Renders untrusted text as text. URLs with a safe scheme (http, https, mailto) become links
 * that open in a new tab with `rel="noopener noreferrer"`, showing their address left to right
 * in an isolate, with hidden characters marked and mixed-script hosts in punycode (see
 * `displayUrl`); everything else — markup, script, `javascript:` URLs — stays literal text.
 * Lit escapes every interpolated string, and no markup is ever parsed from customer input.
 */
export function renderSafeText(text: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  const pattern = /\b(?:https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+)/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    // Trailing punctuation usually ends the sentence, not the URL.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (start > last) parts.push(text.slice(last, start));
    if (isSafeLink(url)) {
      parts.push(renderUrlLink(url));
    } else {
      parts.push(url);
    }
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Renders untrusted text with the given ranges wrapped in `<mark part="match">`. */
export function renderHighlighted(
  text: string,
  ranges: readonly TextRange[],
): Array<string | TemplateResult> {
  if (ranges.length === 0) return [text];
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < last) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(html`<mark part="match">${text.slice(start, end)}</mark>`);
    last = end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Shortens text around the first range so the match stays visible in a one-line result. */
export function excerptAround(
  text: string,
  ranges: readonly TextRange[],
  radius = 60,
): { text: string; ranges: TextRange[] } {
  const first = ranges[0];
  if (!first || text.length <= radius * 2) return { text, ranges: [...ranges] };
  const from = Math.max(0, first.start - radius);
  const to = Math.min(text.length, first.end + radius);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = from - prefix.length;
  return {
    text: prefix + text.slice(from, to) + suffix,
    ranges: ranges
      .filter((r) => r.start >= from && r.end <= to)
      .map((r) => ({ start: r.start - shift, end: r.end - shift })),
  };
}
