/**
 * How the components show URLs they do not control (links in messages, customers' profile
 * links): as written, except for what could pass for another address. Apart from
 * untrusted-text.ts because only the parts the workspace loads on demand show links.
 */
import { html, type TemplateResult } from 'lit';

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
 * address. Shown in a left-to-right isolate (see {@link renderUrlLink}).
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
