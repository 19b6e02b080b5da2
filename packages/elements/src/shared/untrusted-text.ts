/**
 * How the components show strings they do not control (customer, session, live chat, group and
 * operator names, accounts, labels of host records, binders and actions, message text, URLs):
 * as text, isolated from the text around them so that right-to-left overrides and other bidi
 * controls inside cannot reorder what surrounds them, and, where space is short, clamped to one
 * line with the whole string as a tooltip.
 */
import { css, html, type TemplateResult } from 'lit';
import type { MessageKey, MessageParams, Translate } from '../i18n/catalogue.js';

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: an isolate in plain text. */
const FSI = '\u2068';
const PDI = '\u2069';
/** The characters that open an isolate (LRI, RLI, FSI). */
const ISOLATE_OPENERS = /[\u2066-\u2068]/;

/**
 * `text` as an isolate of plain text (between FSI and PDI), for strings that cannot hold
 * elements: desktop notifications, tooltips, the page title. A PDI in `text` that would close
 * the isolate early is dropped; every embedding and override inside ends with the isolate.
 */
export function isolateText(text: string): string {
  let open = 0;
  let result = '';
  for (const char of text) {
    if (char === PDI) {
      if (open === 0) continue;
      open--;
    } else if (ISOLATE_OPENERS.test(char)) {
      open++;
    }
    result += char;
  }
  return FSI + result + PDI + PDI.repeat(open);
}

/**
 * A string the components do not control, in a `<bdi>`: the text around it keeps its order
 * whatever direction controls the string holds.
 */
export function isolated(text: string): TemplateResult {
  return html`<bdi>${text}</bdi>`;
}

/**
 * Like {@link isolated}, and clamped: one line, cut with an ellipsis where its box ends, the
 * whole string as its tooltip. Needs {@link untrustedTextStyles} in the component's styles.
 */
export function clamped(text: string): TemplateResult {
  return html`<bdi class="clamp" title=${text}>${text}</bdi>`;
}

/** Text as a template shows it: plain strings and isolated parts, in order. */
export type ShownText = Array<string | TemplateResult>;

/**
 * A catalogue text whose string parameters are strings the components do not control: each is
 * put in a `<bdi>` by `show` ({@link isolated}, or {@link clamped}), wherever the translation
 * places it; numbers stay as they are.
 */
export function isolatedMessage(
  t: Translate,
  key: MessageKey,
  params: MessageParams,
  show: (text: string) => TemplateResult = isolated,
): ShownText {
  // Private-use markers stand in for the values; a value cannot forge one of them, since it is
  // only ever put back as the content of its `<bdi>`.
  const values: string[] = [];
  const marked: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') {
      marked[name] = `\uE000${values.length}\uE001`;
      values.push(value);
    } else {
      marked[name] = value;
    }
  }
  const parts: ShownText = [];
  for (const [i, piece] of t(key, marked)
    .split(/\uE000(\d+)\uE001/)
    .entries()) {
    if (i % 2 === 0) {
      if (piece) parts.push(piece);
    } else {
      parts.push(show(values[Number(piece)] ?? ''));
    }
  }
  return parts;
}

/**
 * Styles for {@link clamped} strings: one line cut with an ellipsis, never wider than their
 * container. A component that shows clamped strings adds these to its `static styles`.
 */
export const untrustedTextStyles = css`
  bdi.clamp {
    display: inline-block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
`;

// ── links ────────────────────────────────────────────────────────────────────────────────────

/**
 * Characters that show nothing, or that change the order or joining of what follows: controls,
 * format characters (zero-width spaces and joiners, the byte order mark, bidi marks, embeddings,
 * overrides and isolates, the soft hyphen) and line and paragraph separators.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const EVERY_HIDDEN = new RegExp(HIDDEN.source, 'gu');

/** `text` with every hidden character shown as its percent-encoding (`%E2%80%AE`). */
function markHidden(text: string): string {
  return text.replace(EVERY_HIDDEN, (char) => encodeURIComponent(char));
}

/** Scripts whose letters appear in host names, checked one by one. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Ethiopic',
  'Cherokee',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
].map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

/** Sets of scripts that a label may mix, as Chinese, Japanese and Korean names do. */
const MIXES_ALLOWED = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
  ['Latin', 'Han', 'Bopomofo'],
];

/**
 * Whether a host label mixes scripts a reader could mistake for one another (`аpple`, whose
 * first letter is Cyrillic), or holds a character of no listed script (a combining mark, a
 * symbol). Digits and hyphens belong to every script.
 */
function mixesScripts(label: string): boolean {
  const scripts = new Set<string>();
  for (const char of label) {
    if (/[0-9-]/.test(char)) continue;
    const script = SCRIPTS.find(({ pattern }) => pattern.test(char));
    if (!script) return true;
    scripts.add(script.name);
  }
  if (scripts.size <= 1) return false;
  return !MIXES_ALLOWED.some((mix) => [...scripts].every((name) => mix.includes(name)));
}

/** Where the host sits in an absolute URL as written: `[start, end)`, or undefined. */
function hostRange(text: string): [number, number] | undefined {
  const slashes = text.indexOf('//');
  if (slashes < 0) return undefined;
  const start = slashes + 2;
  const rest = text.slice(start);
  const authorityEnd = rest.search(/[/?#\\]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(at + 1);
  const host = hostAndPort.replace(/:\d*$/, '');
  const hostStart = start + at + 1;
  return [hostStart, hostStart + host.length];
}

/**
 * How a URL is shown to the user: as written, except that an internationalised host that mixes
 * scripts, or holds a hidden character, is shown as the browser resolves it (punycode,
 * `xn--…`), and every hidden character (zero-width, bidi control) is shown as its
 * percent-encoding, so that `https://evil.example/‮moc.knab//:sptth` cannot pass for another
 * address. Shown in a left-to-right isolate (see {@link renderLink}).
 */
export function displayUrl(text: string): string {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return markHidden(text);
  }
  const range = hostRange(text);
  if (!range || parsed.hostname === '') return markHidden(text);
  const written = text.slice(range[0], range[1]);
  const trusted = !HIDDEN.test(written) && !written.split('.').some(mixesScripts);
  const host = trusted ? written : parsed.hostname;
  return markHidden(text.slice(0, range[0]) + host + text.slice(range[1]));
}

/**
 * A link to `url` (already checked to have a safe scheme) that opens in a new tab without the
 * opener or a referrer, showing the URL as {@link displayUrl} shows it, left to right in an
 * isolate of its own.
 */
export function renderUrlLink(url: string): TemplateResult {
  return html`<a part="link" href=${url} dir="ltr" target="_blank" rel="noopener noreferrer"
    >${displayUrl(url)}</a
  >`;
}
