/**
 * Test support: `target` (a client, an adapter) with some of its members replaced; everything
 * else is the original's, methods bound to it.
 */
export function withOverrides<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, key) {
      if (key in overrides) return overrides[key as keyof T];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === 'function' ? (value as () => unknown).bind(object) : value;
    },
  });
}
