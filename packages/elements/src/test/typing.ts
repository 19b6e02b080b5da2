import { sendKeys } from '@web/test-runner-commands';

/**
 * Test support: types `lines` into the focused field as a user would, with Shift+Enter between
 * them (a line break, where Enter alone sends).
 */
export async function typeLines(...lines: string[]): Promise<void> {
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
    }
    await sendKeys({ type: line });
  }
}
