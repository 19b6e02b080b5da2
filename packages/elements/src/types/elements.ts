/**
 * What a template may set and listen to on each `live-chat-*` element, derived from the
 * elements themselves: the framework typings (`types/react.ts`, `types/vue.ts`) build on these,
 * so a component added, renamed or given a new property is typed everywhere without a list to
 * keep up to date.
 */
import type { LitElement } from 'lit';
// Brings every `live-chat-*` entry of HTMLElementTagNameMap (each component declares its own)
// and of the event map (declared once per event in `events/`) into the program, in the sources and in the published `.d.ts`
// (which keeps an import without names only in this form). The typings modules are types only:
// nothing ever runs this import.
import '../index.js';

/** Every tag the package defines: `'live-chat-workspace' | 'live-chat-session-list' | …`. */
export type LiveChatTagName = Extract<keyof HTMLElementTagNameMap, `live-chat-${string}`>;

/** Every event the elements fire: `'live-chat-session-open' | 'live-chat-session-changed' | …`. */
export type LiveChatEventName = Extract<keyof HTMLElementEventMap, `live-chat-${string}`>;

/** `A` when `X` and `Y` are the same type, else `B` (used to tell read-only keys apart). */
type IfEquals<X, Y, A, B> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/**
 * The keys of `E` a host sets from a template: its own public properties (not those every
 * `LitElement` and `HTMLElement` has, which each framework types already), writable, and not
 * methods. Getters without a setter and `@state` fields (private) are left out.
 */
export type LiveChatPropertyKey<E> = {
  [K in keyof E]-?: K extends keyof LitElement
    ? never
    : E[K] extends (...args: never[]) => unknown
      ? never
      : IfEquals<{ [Q in K]: E[K] }, { -readonly [Q in K]: E[K] }, K, never>;
}[keyof E];

/** The properties of element `E` a template may set, all optional: `{ client?, sessionId?, … }`. */
export type LiveChatProperties<E> = { [K in LiveChatPropertyKey<E>]?: E[K] };

/** The element class of each tag: `{ 'live-chat-workspace': LiveChatWorkspace; … }`. */
export type LiveChatElements = { [T in LiveChatTagName]: HTMLElementTagNameMap[T] };

/** Each `live-chat-*` event with its typed `CustomEvent`. */
export type LiveChatEvents = { [N in LiveChatEventName]: HTMLElementEventMap[N] };
