/**
 * Plain objects used as lookup tables keyed by data (ids, codes, channel names), read and
 * written by own property only: a key such as `constructor`, `toString` or `__proto__` is data
 * like any other, never something inherited from `Object.prototype` (and writing `__proto__`
 * never replaces the object's prototype).
 */

/** The value `record` holds under `key` itself (`undefined` for an inherited or missing key). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own property of `record`, whatever the key. */
export function setOwnValue<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}
