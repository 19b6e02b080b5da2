/**
 * Where Tab goes, where the browser's own order falls short: inside a modal dialog, and over a
 * field the browser splits into several Tab stops.
 */

/** What may take focus with Tab (filtered further by {@link tabStops}). */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * The Tab stops under `root` (an element or a shadow root, not the shadow roots inside it), in
 * order: enabled, shown, and not taken out of the tab order (`tabindex="-1"`).
 */
export function tabStops(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility(),
  );
}

/** Whether a key event is Tab or Shift+Tab, without other modifiers. */
const isTab = (event: KeyboardEvent) =>
  event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey;

/**
 * The `keydown` listener of a modal dialog that keeps Tab inside it: Tab on its last control
 * goes to the first, Shift+Tab on the first to the last. A native modal `<dialog>` makes the
 * page behind it inert, but lets Tab leave for the browser's own controls and so lose focus
 * (`document.body`); this closes that gap.
 *
 * ```ts
 * html`<dialog @keydown=${wrapTabInDialog}>…</dialog>`
 * ```
 */
export function wrapTabInDialog(event: KeyboardEvent): void {
  if (!isTab(event)) return;
  const dialog = event.currentTarget as HTMLElement;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const focused = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  const leaving = event.shiftKey ? focused === first || focused === dialog : focused === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * The `keydown` listener of a field the browser splits into several Tab stops (a date input:
 * day, month, year and the calendar button): Tab and Shift+Tab go at once to the next and the
 * previous Tab stop of the component, so the field costs one stop. Arrow Left and Arrow Right
 * still move between its parts, Arrow Up and Arrow Down change them. At the component's first
 * or last stop the browser takes over.
 */
export function tabPastField(event: KeyboardEvent): void {
  if (!isTab(event)) return;
  const field = event.currentTarget as HTMLElement;
  const stops = tabStops(field.getRootNode() as ParentNode);
  const index = stops.indexOf(field);
  const target = index < 0 ? undefined : stops[index + (event.shiftKey ? -1 : 1)];
  if (!target) return;
  event.preventDefault();
  target.focus();
}
