/**
 * The one way the components create their events: a `CustomEvent` that bubbles and crosses
 * shadow roots (`composed`), so a host listens on the element, on any ancestor or on the
 * document. Requests are cancelable (`preventDefault()` tells the component the host handles
 * them); facts are not. Each event's own file calls this from its factory.
 */
export function createLiveChatEvent<D>(
  type: `live-chat-${string}`,
  detail: D,
  kind: 'request' | 'fact',
): CustomEvent<D> {
  return new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: kind === 'request',
  });
}

/**
 * The factory of an event's former name, kept for one release after a rename: the same detail,
 * dispatched right after the event under its new name, then removed.
 */
export function formerNameOf<D>(type: `live-chat-${string}`): (detail: D) => CustomEvent<D> {
  return (detail) => createLiveChatEvent(type, detail, 'fact');
}
