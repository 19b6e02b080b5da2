/**
 * Test support: the keyboard as a person uses it, real key presses through the test runner,
 * counted: how many Tab stops lie between where focus is and where the user wants to go.
 */
import { sendKeys } from '@web/test-runner-commands';
import { deepFocused } from './deep-query.js';

/** How {@link tabsTo} walks. */
export interface TabWalk {
  /** Shift+Tab instead of Tab. */
  backwards?: boolean;
  /** Presses after which it gives up (60). */
  limit?: number;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, and resolves with the number of presses
 * it took; fails when it is not reached within the limit.
 */
export async function tabsTo(target: () => Element | null, walk: TabWalk = {}): Promise<number> {
  const limit = walk.limit ?? 60;
  for (let presses = 1; presses <= limit; presses++) {
    await pressKeys(walk.backwards ? 'Shift+Tab' : 'Tab');
    const focused = deepFocused();
    if (focused !== null && focused === target()) return presses;
  }
  throw new Error(`not reached in ${limit} presses of ${walk.backwards ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * Presses a key with its modifiers, as people write it: `'Shift+Tab'`, `'Alt+Shift+N'` (a letter
 * is sent as its physical key, `KeyN`, as a keyboard does).
 */
export async function pressKeys(keys: string): Promise<void> {
  const parts = keys.split('+');
  const key = parts.pop()!;
  for (const modifier of parts) await sendKeys({ down: modifier });
  await sendKeys({ press: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key });
  for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
}
