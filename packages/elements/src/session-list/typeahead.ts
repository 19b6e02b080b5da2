/** Longest pause between two type-ahead characters. */
export const TYPEAHEAD_MS = 500;

/**
 * Type-ahead of a list, as in a native select: characters typed within half a second of each
 * other build a prefix, and the list jumps to the next item whose name starts with it.
 */
export class Typeahead {
  #typed = '';
  #typedAt = 0;

  /** Whether the user is in the middle of typing a name (a space then continues it). */
  get typing(): boolean {
    return this.#typed !== '' && Date.now() - this.#typedAt < TYPEAHEAD_MS;
  }

  /**
   * Adds `key` to the prefix and finds the item it leads to among `names`, from item `current`:
   * a new prefix starts after the current item, a longer one may stay on it. `undefined` when no
   * name starts with the prefix.
   */
  next(key: string, names: readonly string[], current: number): number | undefined {
    const now = Date.now();
    this.#typed = (now - this.#typedAt < TYPEAHEAD_MS ? this.#typed : '') + key.toLocaleLowerCase();
    this.#typedAt = now;
    const start = this.#typed.length === 1 ? current + 1 : current;
    for (let step = 0; step < names.length; step++) {
      const index = (start + step) % names.length;
      if (names[index]!.toLocaleLowerCase().startsWith(this.#typed)) return index;
    }
    return undefined;
  }
}
