/**
 * Tiny assertions for the conformance suite, so it runs under any test framework (node:test,
 * mocha, web-test-runner) without depending on node:assert.
 */
import type { ErrorCode } from '@live-chat/core';

/** A failed conformance expectation. */
export class ConformanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceError';
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** Stable JSON (object keys sorted), for deep comparison and readable messages. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export function checkEqual<T>(actual: T, expected: T, message: string): void {
  if (canonical(actual) !== canonical(expected)) {
    throw new ConformanceError(
      `${message}\n  expected: ${canonical(expected)}\n  actual:   ${canonical(actual)}`,
    );
  }
}

/** The command result must be ok; returns its value. */
export function checkOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
  what: string,
): T {
  if (!result.ok)
    throw new ConformanceError(
      `${what}: expected success, got ${result.error.code} (${result.error.message})`,
    );
  return result.value;
}

/** The command result must be a typed error with one of `codes`. */
export function checkError(
  result: { ok: boolean; error?: { code: string; message?: unknown } },
  codes: ErrorCode | readonly ErrorCode[],
  what: string,
): void {
  const allowed = typeof codes === 'string' ? [codes] : codes;
  if (result.ok)
    throw new ConformanceError(`${what}: expected error ${allowed.join(' or ')}, but it succeeded`);
  const error = result.error;
  check(
    error && typeof error.message === 'string',
    `${what}: the error must have a readable message`,
  );
  check(
    allowed.includes(error.code as ErrorCode),
    `${what}: expected ${allowed.join(' or ')}, got ${error.code}`,
  );
}

/** The promise must reject with an error carrying one of `codes`. */
export async function checkRejects(
  promise: Promise<unknown>,
  codes: ErrorCode | readonly ErrorCode[],
  what: string,
): Promise<void> {
  const allowed = typeof codes === 'string' ? [codes] : codes;
  try {
    await promise;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    check(
      allowed.includes(code as ErrorCode),
      `${what}: expected rejection ${allowed.join(' or ')}, got ${String(code)}`,
    );
    return;
  }
  throw new ConformanceError(
    `${what}: expected rejection ${allowed.join(' or ')}, but it resolved`,
  );
}

/** The value must be plain JSON data (what a network transport can carry), `undefined` fields allowed. */
export function checkJson(value: unknown, what: string, path = '$'): void {
  if (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  )
    return;
  if (typeof value === 'number') {
    check(Number.isFinite(value), `${what}: ${path} is not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJson(item, what, `${path}[${index}]`));
    return;
  }
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  check(
    proto === Object.prototype || proto === null,
    `${what}: ${path} is not plain JSON data (${typeof value})`,
  );
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    checkJson(item, what, `${path}.${key}`);
}
