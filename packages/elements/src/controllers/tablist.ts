import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FocusAfterUpdateController } from './focus-after-update.js';

/** What a {@link TablistController} reads from its host and asks it to do. */
export interface TablistOptions<T extends string> {
  /** The tabs, in order. */
  tabs: readonly T[];
  /** The tab selected now. */
  selected: () => T;
  /** Selects a tab (a host may ignore the tab already selected). */
  select: (tab: T) => void;
}

/** How a tab's button looks to CSS. */
export interface TabOptions {
  part: string;
  className?: string;
}

/** How a tab's panel looks to CSS and to assistive technology. */
export interface TabPanelOptions {
  part?: string;
  className: string;
  /** In the tab order itself (for a panel that may hold nothing focusable). */
  focusable?: boolean;
  /** Its content is loading (`aria-busy`). */
  busy?: boolean;
}

/**
 * A `role="tablist"` whose tabs are selected as focus moves (the ARIA tabs pattern, automatic
 * activation): the tab buttons and their panels, linked by id (`tab-<name>` controls
 * `panel-<name>`), only the selected tab in the tab order, and the keyboard: Arrow Left /
 * Arrow Right select the previous / next tab, wrapping around, Home and End the first and the
 * last. The tab selected from the keyboard gets focus after the host's next update (through a
 * {@link FocusAfterUpdateController} of its own).
 *
 * ```ts
 * private readonly tablist = new TablistController(this, {
 *   tabs: ['about', 'activity'],
 *   selected: () => this.tab,
 *   select: (tab) => (this.tab = tab),
 * });
 * render() {
 *   return html`<div role="tablist" @keydown=${this.tablist.onKeydown}>
 *     ${this.tablist.renderTab('about', 'About', { part: 'tab' })}…</div>`;
 * }
 * ```
 */
export class TablistController<T extends string> {
  readonly #focusAfterUpdate: FocusAfterUpdateController;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: TablistOptions<T>,
  ) {
    this.#focusAfterUpdate = new FocusAfterUpdateController(host);
  }

  /** The tablist's `keydown` listener. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const { tabs } = this.options;
    const next = tabIndexForKey(event.key, tabs.indexOf(this.options.selected()), tabs.length);
    const tab = next === undefined ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    this.options.select(tab);
    this.#focusAfterUpdate.focus(() =>
      this.host.renderRoot.querySelector<HTMLElement>(`#tab-${CSS.escape(tab)}`),
    );
  };

  /** The button of `tab`; a click selects it. */
  renderTab(tab: T, label: string, { part, className }: TabOptions): TemplateResult {
    const selected = tab === this.options.selected();
    return html`<button
      type="button"
      id="tab-${tab}"
      part=${part}
      class=${className ?? nothing}
      role="tab"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${tab}"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.options.select(tab)}
    >
      ${label}
    </button>`;
  }

  /** The panel of `tab`, labelled by its button, hidden while another tab is selected. */
  renderPanel(tab: T, content: unknown, options: TabPanelOptions): TemplateResult {
    return html`<div
      id="panel-${tab}"
      part=${options.part ?? nothing}
      class=${options.className}
      role="tabpanel"
      aria-labelledby="tab-${tab}"
      aria-busy=${options.busy === undefined ? nothing : options.busy ? 'true' : 'false'}
      tabindex=${options.focusable ? '0' : nothing}
      ?hidden=${tab !== this.options.selected()}
    >
      ${content}
    </div>`;
  }
}

/** The tab a key moves to from tab `index` of `count`, or `undefined` for any other key. */
function tabIndexForKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index + count - 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
