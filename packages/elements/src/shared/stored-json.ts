/**
 * Settings kept as JSON in `localStorage` (or another `Storage`): a read or a write never throws
 * when storage is missing, blocked by privacy settings, full, or holds something else.
 */

/** The part of `Storage` kept settings need. */
export type JsonStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The JSON value kept under `key`; `undefined` when there is none or it cannot be read. */
export function readStoredJson(storage: JsonStorage | undefined, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `value` as JSON under `key`; returns whether it was stored. */
export function writeStoredJson(
  storage: JsonStorage | undefined,
  key: string,
  value: unknown,
): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
