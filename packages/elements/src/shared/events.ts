/**
 * Dispatches a typed `live-chat-…` CustomEvent that bubbles and crosses shadow roots.
 * Event names and detail types are declared in each component's `HTMLElementEventMap` block.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  name: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}
