/**
 * React 19 JSX types for every `live-chat-*` element: its own properties (`client`,
 * `sessionId`, `kind`, …) with their types, React's usual HTML attributes (`className`, `style`,
 * `id`, `slot`, `ref`, `children`, …), and an `on<event name>` handler for each `live-chat-…`
 * event, which React 19 adds as a listener of that event. Opt in once, from any file of a React
 * app written in TypeScript:
 *
 * ```ts
 * import type {} from '@live-chat/elements/types/react';
 * ```
 *
 * This module is types only (it emits no code); it needs `@types/react` 19.
 *
 * @module
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type {
  LiveChatElements,
  LiveChatEventName,
  LiveChatEvents,
  LiveChatProperties,
} from './elements.js';

/** `onlive-chat-session-open` and the other event props: React 19 listens to `live-chat-…`. */
export type LiveChatReactEventProps = {
  [N in LiveChatEventName as `on${N}`]?: (event: LiveChatEvents[N]) => void;
};

/** The JSX attributes of element `E`: its properties, then React's HTML attributes and events. */
export type LiveChatReactProps<E extends HTMLElement> = LiveChatProperties<E> &
  Omit<HTMLAttributes<E>, keyof LiveChatProperties<E>> &
  RefAttributes<E> &
  LiveChatReactEventProps & {
    /** React 19 also passes `class` through to custom elements (like `className`). */
    class?: string;
  };

/** Every `live-chat-*` tag as a JSX intrinsic element. */
export type LiveChatIntrinsicElements = {
  [T in keyof LiveChatElements]: LiveChatReactProps<LiveChatElements[T]>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends LiveChatIntrinsicElements {}
  }
}
