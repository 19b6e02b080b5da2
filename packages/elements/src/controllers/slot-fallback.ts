import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * Named slots with built-in content that a host page may replace: a slot's fallback is created
 * only while the page leaves the slot empty, so a replaced component never runs (no
 * subscriptions, no requests). It watches `slotchange` to bring the fallback back when the
 * page empties the slot again.
 *
 * ```ts
 * private readonly slots = new SlotFallbackController(this);
 * render() { return this.slots.slot('search', () => html`<live-chat-search></live-chat-search>`); }
 * ```
 */
export class SlotFallbackController implements ReactiveController {
  #filled: ReadonlySet<string> = new Set();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Slots the page filled before the first render: never create their built-in content.
    const filled = new Set<string>();
    for (const child of this.host.children) if (child.slot) filled.add(child.slot);
    this.#filled = filled;
    this.host.requestUpdate();
  }

  /** The slot `name`, holding the built-in `fallback` while the page leaves it empty. */
  slot(name: string, fallback: () => TemplateResult): TemplateResult {
    return html`<slot name=${name} @slotchange=${this.#onSlotChange}
      >${this.#filled.has(name) ? nothing : fallback()}</slot
    >`;
  }

  readonly #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    const filled = slot
      .assignedNodes()
      .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
    if (filled === this.#filled.has(slot.name)) return;
    const next = new Set(this.#filled);
    if (filled) next.add(slot.name);
    else next.delete(slot.name);
    this.#filled = next;
    this.host.requestUpdate();
  };
}
