/**
 * Vue 3 template types for every `live-chat-*` element, so that `vue-tsc` (and Volar in the
 * editor) checks the elements' properties and events in single-file components: `:client`,
 * `:session-id`, `:kind`, … with their types, Vue's usual HTML attributes, and
 * `@live-chat-session-open="(event) => …"` with the event's typed `detail`. Opt in once, from
 * any file of a Vue app written in TypeScript:
 *
 * ```ts
 * import type {} from '@live-chat/elements/types/vue';
 * ```
 *
 * This module is types only (it emits no code). Vue must still be told at build time that
 * `live-chat-*` tags are custom elements (`compilerOptions.isCustomElement`).
 *
 * @module
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { LiveChatElements, LiveChatEvents, LiveChatProperties } from './elements.js';

/**
 * Element `E` as Vue's template type checker sees a component: its props in `$props`, its
 * events in `$emit` (the shape Vue's documentation gives for custom elements).
 */
export type LiveChatVueElement<E extends HTMLElement> = new () => E & {
  /** @deprecated For template type checking only: elements have no `$props`. */
  $props: HTMLAttributes & LiveChatProperties<E> & PublicProps;
  /** @deprecated For template type checking only: elements have no `$emit`. */
  $emit: EmitFn<{ [N in keyof LiveChatEvents]: (event: LiveChatEvents[N]) => void }>;
};

/** Every `live-chat-*` tag as a global component of Vue's templates. */
export type LiveChatGlobalComponents = {
  [T in keyof LiveChatElements]: LiveChatVueElement<LiveChatElements[T]>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends LiveChatGlobalComponents {}
}
