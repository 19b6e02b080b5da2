/**
 * `play` functions that bring a story to a state only a gesture reaches (a dialog open, a tab
 * chosen, a skip link focused), once the story shows what the gesture acts on.
 */
import { deepQueryAll } from '../../packages/elements/src/test/deep-query.js';

/** What a `play` function is given (the part these functions use). */
interface PlayContext {
  canvasElement: HTMLElement;
}

/** The element matching `selector` in the story, through shadow roots, once it is there (5 s at most). */
async function shownElement(root: HTMLElement, selector: string): Promise<HTMLElement | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const [found] = deepQueryAll(root, selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** A `play` that clicks `selector` once the story shows it. */
export const clickOnceShown =
  (selector: string) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    (await shownElement(canvasElement, selector))?.click();
  };

/** A `play` that focuses `selector` once the story shows it (a skip link shows itself on focus). */
export const focusOnceShown =
  (selector: string) =>
  async ({ canvasElement }: PlayContext): Promise<void> => {
    (await shownElement(canvasElement, selector))?.focus();
  };
