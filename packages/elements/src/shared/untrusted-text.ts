/**
 * How the components show strings they do not control (customer, session, live chat, group and
 * operator names, accounts, labels of host records, binders and actions, message text, URLs):
 * as text, isolated from the text around them so that right-to-left overrides and other bidi
 * controls inside cannot reorder what surrounds them, and, where space is short, clamped to one
 * line with the whole string as a tooltip (clamped-text.ts: only the parts the workspace loads on
 * demand clamp). How URLs are shown is in untrusted-url.ts: only those parts show links.
 */
import { html, type TemplateResult } from 'lit';
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

/** Text as a template shows it: plain strings and isolated parts, in order. */
export type ShownText = Array<string | TemplateResult>;

/**
 * A catalogue text whose string parameters are strings the components do not control: each is
 * put in a `<bdi>` by `show` ({@link isolated}, or `clamped` of clamped-text.ts), wherever the
 * translation places it; numbers stay as they are.
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
