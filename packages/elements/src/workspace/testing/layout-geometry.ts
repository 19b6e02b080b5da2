/**
 * Test support for the layout suite: what a person sees of the workspace, as numbers. Each check
 * returns the problems it finds, as sentences naming the elements and the pixels, so that a test
 * asserts an empty list and a failure says what is cut off, overlaps or is cramped, and by how
 * much.
 */

/** A rectangle on the page in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** An element with the name a failure calls it by. */
export interface Named {
  name: string;
  element: Element;
}

/**
 * Slack for sub-pixel layout: edges are laid out in 1/64 px and borders may round, so two boxes
 * sharing an edge can differ by a fraction of a pixel without anything being cut off.
 */
const SLACK = 0.5;

/** The page's viewport. */
export const viewportBox = (): Box => ({
  left: 0,
  top: 0,
  right: innerWidth,
  bottom: innerHeight,
});

/** The box an element takes on the page (its border box). */
export const boxOf = (element: Element): Box => element.getBoundingClientRect();

/**
 * What an element shows of its content: its padding box less its scroll bars (the box that
 * scrolls, in a scroll container).
 */
export function contentViewOf(element: Element): Box {
  const { left, top } = element.getBoundingClientRect();
  const x = left + element.clientLeft;
  const y = top + element.clientTop;
  return { left: x, top: y, right: x + element.clientWidth, bottom: y + element.clientHeight };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Whether an element is rendered with a size (not `display: none`, not empty). */
export function isShown(element: Element): boolean {
  const { width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** How far `inner` sticks out of `outer` on each side where it does: `right 12px`. */
function stickingOut(inner: Box, outer: Box): string[] {
  const out = {
    left: outer.left - inner.left,
    top: outer.top - inner.top,
    right: inner.right - outer.right,
    bottom: inner.bottom - outer.bottom,
  };
  return Object.entries(out)
    .filter(([, by]) => by > SLACK)
    .map(([side, by]) => `${side} ${round(by)}px`);
}

/** Where `item` sticks out of each of `containers` (named boxes it must lie within). */
export function outside(item: Named, containers: Array<{ name: string; box: Box }>): string[] {
  const box = boxOf(item.element);
  return containers.flatMap((container) => {
    const sides = stickingOut(box, container.box);
    return sides.length
      ? [`${item.name} sticks out of ${container.name}: ${sides.join(', ')}`]
      : [];
  });
}

/**
 * Whether an element cuts off what it holds (text, or panes in a box that hides its overflow):
 * its content is wider or taller than the box it shows it in.
 */
export function cutOff(item: Named): string[] {
  const { element } = item;
  const problems: string[] = [];
  if (element.scrollWidth > element.clientWidth) {
    problems.push(
      `${item.name} is cut off: ${element.scrollWidth}px wide in ${element.clientWidth}px`,
    );
  }
  if (element.scrollHeight > element.clientHeight) {
    problems.push(
      `${item.name} is cut off: ${element.scrollHeight}px tall in ${element.clientHeight}px`,
    );
  }
  return problems;
}

/**
 * The room a desktop's classic scroll bar takes from a pane that scrolls (Windows draws 17 px;
 * Linux 15 px). The browser under test hides scroll bars, so the checks take that room off
 * themselves where a scroll bar would show.
 */
export const CLASSIC_SCROLL_BAR = 17;

/**
 * The room a scroll bar would take beside `element`: {@link CLASSIC_SCROLL_BAR} when the nearest
 * pane around it scrolls up and down and this browser draws no scroll bar there, else 0.
 */
export function hiddenScrollBarRoom(element: Element): number {
  let at: Element | null = element;
  while (at) {
    const { overflowY, borderLeftWidth, borderRightWidth } = getComputedStyle(at);
    if (/auto|scroll/.test(overflowY) && at.scrollHeight > at.clientHeight) {
      const bar =
        (at as HTMLElement).offsetWidth -
        at.clientWidth -
        parseFloat(borderLeftWidth) -
        parseFloat(borderRightWidth);
      return bar > 0 ? 0 : CLASSIC_SCROLL_BAR;
    }
    // Up to the parent, or out of a shadow root to its host.
    at = at.parentElement ?? (at.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return 0;
}

/**
 * Whether a `<select>` cuts off the name of one of its choices: the width it takes with its
 * widest choice (its max-content width, arrow and padding included) against the width it has,
 * less the room a scroll bar would take beside it (see {@link hiddenScrollBarRoom}).
 */
export function choicesCutOff(item: Named & { element: HTMLSelectElement }): string[] {
  const select = item.element;
  const shown = select.getBoundingClientRect().width - hiddenScrollBarRoom(select);
  const saved = select.style.cssText;
  select.style.cssText = `${saved};flex:none;width:max-content;max-width:none;min-width:0`;
  const needed = select.getBoundingClientRect().width;
  select.style.cssText = saved;
  return needed > shown + SLACK
    ? [`${item.name} cuts off its choices: they need ${round(needed)}px, it has ${round(shown)}px`]
    : [];
}

/** Every pair of `items` whose boxes overlap, with the overlapping area. */
export function overlaps(items: Named[]): string[] {
  const problems: string[] = [];
  items.forEach((a, i) => {
    const boxA = boxOf(a.element);
    for (const b of items.slice(i + 1)) {
      const boxB = boxOf(b.element);
      const width = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
      const height = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
      if (width > SLACK && height > SLACK) {
        problems.push(`${a.name} and ${b.name} overlap by ${round(width)} × ${round(height)}px`);
      }
    }
  });
  return problems;
}

/**
 * The labels of a form (each `<label for>` after the first control) that sit no nearer their own
 * field than the control above them: a label should read as the start of its field, not the end
 * of the one before.
 */
export function labelsApartFromFields(form: Element): string[] {
  const root = form.getRootNode() as ParentNode;
  return [...form.querySelectorAll('label[for]')].flatMap((label) => {
    const field = root.querySelector(`#${(label as HTMLLabelElement).htmlFor}`);
    let above = label.previousElementSibling;
    while (above && !isShown(above)) above = above.previousElementSibling;
    if (!field || !above) return [];
    const toField = boxOf(field).top - boxOf(label).bottom;
    const toAbove = boxOf(label).top - boxOf(above).bottom;
    return toAbove > toField + SLACK
      ? []
      : [
          `the label “${label.textContent?.trim()}” is ${round(toAbove)}px below the control ` +
            `above and ${round(toField)}px above its own field`,
        ];
  });
}

/**
 * Neighbours in `ordered` closer than `min` pixels, the gap between two neighbours' boxes
 * measured by `gap` (negative where they overlap).
 */
function tooClose(ordered: Named[], gap: (before: Box, after: Box) => number, min: number) {
  return ordered.slice(1).flatMap((item, i) => {
    const before = ordered[i]!;
    const apart = gap(boxOf(before.element), boxOf(item.element));
    return apart + SLACK < min
      ? [`${before.name} and ${item.name} are ${round(apart)}px apart (at least ${min}px)`]
      : [];
  });
}

/** Blocks stacked top to bottom (`items` in that order) closer than `min` pixels. */
export function crampedStack(items: Named[], min: number): string[] {
  return tooClose(items, (above, below) => below.top - above.bottom, min);
}

/**
 * Items laid out in rows (a wrapping bar): neighbours on the same row (their boxes share some
 * height) closer than `min` pixels side by side, and rows closer than `min` pixels.
 */
export function crampedRows(items: Named[], min: number): string[] {
  const rows: Named[][] = [];
  const sorted = [...items].sort((a, b) => boxOf(a.element).top - boxOf(b.element).top);
  for (const item of sorted) {
    const { top } = boxOf(item.element);
    const row = rows.find((r) => r.some((other) => boxOf(other.element).bottom > top + SLACK));
    if (row) row.push(item);
    else rows.push([item]);
  }
  const sideBySide = rows.flatMap((row) =>
    tooClose(
      [...row].sort((a, b) => boxOf(a.element).left - boxOf(b.element).left),
      (left, right) => right.left - left.right,
      min,
    ),
  );
  // A row's extent: from its highest top to its lowest bottom.
  const extent = (row: Named[]) => ({
    top: Math.min(...row.map((item) => boxOf(item.element).top)),
    bottom: Math.max(...row.map((item) => boxOf(item.element).bottom)),
  });
  const between = rows.slice(1).flatMap((row, i) => {
    const gap = extent(row).top - extent(rows[i]!).bottom;
    return gap + SLACK < min
      ? [`the rows of ${rows[i]![0]!.name} and ${row[0]!.name} are ${round(gap)}px apart`]
      : [];
  });
  return [...sideBySide, ...between];
}
