// `@live-chat/elements/i18n`: the message catalogue alone, for a host that imports single
// components (`@live-chat/elements/counter`, …) and adds or replaces texts with
// `registerMessages`. It defines no element.
export {
  registerMessages,
  translate,
  availableLocales,
  DEFAULT_LOCALE,
  type Messages,
  type MessageValue,
  type MessageParams,
  type PluralForms,
  type MessageCatalogues,
  type MessageKey,
  type Translation,
} from './catalogue.js';
