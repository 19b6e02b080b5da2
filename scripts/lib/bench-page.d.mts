/** A benchmark module opened in headless Chromium (see bench-page.mjs). */
export interface BenchPages {
  /** Chromium's version, e.g. "150.0.7871.100". */
  version: string;
  /** Opens the module in a fresh page. */
  page(): Promise<BenchPage>;
  /** Closes the browser and the server, and removes the bundle. */
  close(): Promise<void>;
}

/** The module in one page. */
export interface BenchPage {
  /** Calls `globalThis[global][method](...args)` in the page; resolves to its result. */
  call(method: string, ...args: unknown[]): Promise<unknown>;
  /** Closes the page. */
  close(): Promise<void>;
}

export function openBenchPages(
  entry: string,
  global: string,
): Promise<BenchPages | { missing: string }>;
