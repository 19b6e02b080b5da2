/**
 * The item a vertical list's key moves focus to, from item `index` of `count`: Arrow Down and
 * Arrow Up the next and the previous (stopping at the ends), Home and End the first and the
 * last. `undefined` for any other key, or an empty list.
 */
export function listIndexForKey(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
