/**
 * The message catalogue: every text the components show comes from here, so a host can replace
 * any of it or add a language. Built-in texts are registered by each component's
 * `*.messages.ts`; host texts registered with {@link registerMessages} take precedence.
 *
 * A message is a string with `{name}` placeholders, or plural forms chosen with
 * `Intl.PluralRules` by the `count` parameter (`{ one: '{count} message', other: '{count} messages' }`).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** One text: a string with `{name}` placeholders, or plural forms. */
export type MessageValue = string | PluralForms;
/** Texts by key, e.g. `{ 'workspace.title': 'Live Chats' }`: what {@link registerMessages} takes. */
export type Messages = Record<string, MessageValue>;
/** Values for a text's `{name}` placeholders (`count` also chooses the plural form). */
export type MessageParams = Record<string, string | number>;

declare global {
  /**
   * The catalogues, one member per component, each the type of its English texts: every
   * `*.messages.ts` adds its own by declaration merging
   * (`declare global { interface LiveChatMessageCatalogues { counter: typeof en } }`), so the
   * keys are known where the texts are written, with no list to keep up to date. A host's own
   * component extending `LiveChatElement` adds its catalogue the same way.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface LiveChatMessageCatalogues {}
}

/** The registered catalogues by name: `MessageCatalogues['counter']` is the counter's English texts. */
export type MessageCatalogues = LiveChatMessageCatalogues;

/**
 * Every built-in key: `'counter.unread.zero' | 'session-list.empty.queue' | …`. Components ask
 * for texts by this type, so a misspelt key, or a key built at run time from an untyped string,
 * is a compile error.
 */
export type MessageKey = {
  [C in keyof MessageCatalogues]: keyof MessageCatalogues[C] & string;
}[keyof MessageCatalogues];

/**
 * A translation of the English texts `E`: every key of `E` and no other, each a string or plural
 * forms (a language may need plural forms where English has none). A component types its other
 * catalogues with it (`const ru: Translation<typeof en> = {…}`), so a missing translation is a
 * compile error.
 */
export type Translation<E extends Messages> = { readonly [K in keyof E]: MessageValue };

/** A component's text lookup in its current locale, as handed to a render helper. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The locale used when no other is set, and the last fallback for a missing text. */
export const DEFAULT_LOCALE = 'en';

const builtIn = new Map<string, Messages>();
const overrides = new Map<string, Messages>();
const pluralRules = new Map<string, Intl.PluralRules>();

function merge(into: Map<string, Messages>, locale: string, messages: Messages): void {
  into.set(locale, { ...(into.get(locale) ?? {}), ...messages });
}

/** Registers built-in texts (used by the components' own catalogues). */
export function registerDefaultMessages(locale: string, messages: Readonly<Messages>): void {
  merge(builtIn, locale, messages);
}

/**
 * Adds or replaces texts for a locale: a host's way to rename a label or add a language.
 * Missing keys fall back to the base language (`pt-BR` → `pt`), then to English.
 */
export function registerMessages(locale: string, messages: Messages): void {
  merge(overrides, locale, messages);
}

/** Locales that have any text registered. */
export function availableLocales(): string[] {
  return [...new Set([...builtIn.keys(), ...overrides.keys()])].sort();
}

function lookup(locale: string, key: string): MessageValue | undefined {
  return overrides.get(locale)?.[key] ?? builtIn.get(locale)?.[key];
}

function pluralOf(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules(DEFAULT_LOCALE);
    }
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** The text for `key` in `locale`, with `{param}` placeholders filled in. Unknown keys return the key. */
export function translate(locale: string, key: string, params?: MessageParams): string {
  const base = locale.split('-')[0] ?? locale;
  let usedLocale = locale;
  let value = lookup(locale, key);
  if (value === undefined && base !== locale) {
    value = lookup(base, key);
    usedLocale = base;
  }
  if (value === undefined) {
    value = lookup(DEFAULT_LOCALE, key);
    usedLocale = DEFAULT_LOCALE;
  }
  if (value === undefined) return key;
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    const count = Number(params?.['count'] ?? 0);
    text = value[pluralOf(usedLocale, count)] ?? value.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}
