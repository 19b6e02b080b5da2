/** A benchmark module opened in headless Chromium (see bench-page.mjs). */
export interface BenchPage {
  /** Chromium's version, e.g. "150.0.7871.100". */
  version: string;
  /** Calls `globalThis[global][method](...args)` in the page; resolves to its result. */
  call(method: string, ...args: unknown[]): Promise<unknown>;
  /** Closes the browser and the server, and removes the bundle. */
  close(): Promise<void>;
}

export function openBenchPage(
  entry: string,
  global: string,
): Promise<BenchPage | { missing: string }>;
