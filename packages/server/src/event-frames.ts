/**
 * The text of `{ op: 'event', sub, event }` frames, built once per shared part. One committed
 * change gives each member of a live chat an event of their own (their seq, their unread count),
 * but the message, the session or the alert inside is the same object for all of them: its JSON
 * is made once and reused for every socket the change reaches in the same turn of the event loop.
 * The text is exactly what `JSON.stringify` makes of the frame.
 *
 * A store that made the JSON of an event anyway (the SQLite store writes it to its log) hands it
 * over with {@link rememberEventJson}: then the event is not serialised again at all.
 */
import type { WireRequestId } from '@live-chat/adapters';
import type { ServerEvent } from '@live-chat/core';

/**
 * JSON of the objects inside events delivered in this turn, by identity. Dropped after the turn:
 * a value the backend keeps (the memory backend keeps its sessions) may be replaced later, and
 * nothing is held longer than one delivery.
 */
let shared: WeakMap<object, string> | undefined;

function sharedJson(value: object): string {
  if (!shared) {
    shared = new WeakMap();
    queueMicrotask(() => (shared = undefined));
  }
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}

/**
 * JSON of events made by the store that numbered them, by identity, until the next turn of the
 * event loop (a committed change is delivered in the turn that wrote it). A plain map dropped
 * whole is cheaper than a `WeakMap` entry per event.
 */
let storedJson: Map<ServerEvent, string> | undefined;

/**
 * Hands over the JSON of `event` for the frames that send it in this turn of the event loop.
 * `json` must be exactly what `JSON.stringify(event)` makes, and the event must not change
 * afterwards (a store's events are new objects, never changed once numbered). A frame made
 * later serialises the event itself.
 */
export function rememberEventJson(event: ServerEvent, json: string): void {
  if (!storedJson) {
    storedJson = new Map();
    setImmediate(() => (storedJson = undefined));
  }
  storedJson.set(event, json);
}

/**
 * The JSON of `event`: the store's, or made reusing what this turn already made of the objects
 * inside it.
 */
function eventJson(event: ServerEvent): string {
  const stored = storedJson?.get(event);
  if (stored !== undefined) return stored;
  let json = '';
  for (const [key, value] of Object.entries(event)) {
    // As JSON.stringify does: a property without a JSON value is left out.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    const part =
      typeof value === 'object' && value !== null ? sharedJson(value) : JSON.stringify(value);
    json += `${json === '' ? '{' : ','}${JSON.stringify(key)}:${part}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

/** The text of the frame that sends `event` to subscription `sub`. */
export function eventFrameText(sub: WireRequestId, event: ServerEvent): string {
  return `{"op":"event","sub":${JSON.stringify(sub)},"event":${eventJson(event)}}`;
}
