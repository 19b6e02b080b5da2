// Test support: queries that look through shadow roots, as a user sees a page of components.

/** Every element matching `selector` under `root` and the shadow roots inside it, in page order. */
export function deepQueryAll<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T[] {
  const found: T[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.matches(selector)) found.push(element as T);
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** The first element matching `selector` in `host`'s shadow root and the shadow roots inside it. */
export function deepQuery<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): T | null {
  return deepQueryAll<T>(host.shadowRoot!, selector)[0] ?? null;
}

/** The focused element inside `host` (by default, on the page), through nested shadow roots. */
export function deepFocused(host?: Element): Element | null {
  let active = host ? host.shadowRoot!.activeElement : document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The markup of a shadow root and of every shadow root inside it. */
export function deepHTML(root: ShadowRoot): string {
  return (
    root.innerHTML +
    [...root.querySelectorAll('*')]
      .map((element) => (element.shadowRoot ? deepHTML(element.shadowRoot) : ''))
      .join('')
  );
}
