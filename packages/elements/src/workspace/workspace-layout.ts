import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FocusAfterUpdateController, type Focusable } from '../controllers/focus-after-update.js';

/** Widths (of the workspace, not the window) where the layout changes; see workspace.styles.ts. */
export const MEDIUM_MAX_WIDTH = 1024;
/** Below this width the workspace shows one pane at a time (menu, list, conversation, about). */
export const NARROW_MAX_WIDTH = 640;

/** The layout the workspace's width selects. */
export type WorkspaceLayout = 'wide' | 'medium' | 'narrow';

/** The pane shown in the narrow (stacked) layout. */
export type WorkspacePane = 'menu' | 'list' | 'conversation' | 'about';

/** Where the layout moves focus. */
export interface WorkspaceLayoutOptions {
  /** What gets focus when `pane` is shown (in the narrow layout; the about drawer in the medium one). */
  paneFocus: (pane: WorkspacePane) => Focusable | null | undefined;
  /** The toggle of the about pane: focus returns to it when the pane closes. */
  aboutToggle: () => Focusable | null | undefined;
}

/** The layout for a width of the workspace. */
function layoutFor(width: number): WorkspaceLayout {
  return width < NARROW_MAX_WIDTH ? 'narrow' : width < MEDIUM_MAX_WIDTH ? 'medium' : 'wide';
}

/**
 * The workspace's panes at its current width (measured with a `ResizeObserver`, so it fits a
 * side panel as well as a page): `wide` shows them all; `medium` turns the about pane into a
 * drawer; `narrow` shows one pane at a time. It reflects the layout as the host's `layout`
 * attribute and moves focus to the pane it shows, or back to the about toggle when the about
 * pane closes, so keyboard and screen reader users land where the screen changed.
 */
export class WorkspaceLayoutController implements ReactiveController {
  #current: WorkspaceLayout = 'wide';
  #shownPane: WorkspacePane = 'list';
  #drawerOpen = false;
  #resizeObserver: ResizeObserver | undefined;
  readonly #focusAfterUpdate: FocusAfterUpdateController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: WorkspaceLayoutOptions,
  ) {
    host.addController(this);
    this.#focusAfterUpdate = new FocusAfterUpdateController(host);
  }

  /** The layout the workspace's width selects. */
  get layout(): WorkspaceLayout {
    return this.#current;
  }

  /** The pane shown in the narrow layout. */
  get pane(): WorkspacePane {
    return this.#shownPane;
  }

  /** Whether the about drawer is open (medium layout). */
  get aboutOpen(): boolean {
    return this.#drawerOpen;
  }

  hostConnected(): void {
    this.#resizeObserver = new ResizeObserver((entries) => {
      this.#setLayout(layoutFor(entries[entries.length - 1]?.contentRect.width ?? 0));
    });
    this.#resizeObserver.observe(this.host);
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
  }

  hostUpdate(): void {
    if (this.host.getAttribute('layout') !== this.#current)
      this.host.setAttribute('layout', this.#current);
  }

  /**
   * Shows `pane` in the narrow layout (in the medium one, opens or closes the about drawer) and
   * moves focus to it once it is on screen.
   */
  show(pane: WorkspacePane): void {
    this.#shownPane = pane;
    if (this.#current === 'medium') this.#drawerOpen = pane === 'about';
    this.host.requestUpdate();
    if (this.#current === 'wide') return;
    this.#focusAfterUpdate.focus(() => {
      if (this.#current === 'narrow' || (this.#current === 'medium' && pane === 'about'))
        return this.options.paneFocus(pane);
      return undefined;
    });
  }

  /** A back button: shows `pane`; back from the details, focus returns to their toggle. */
  back(pane: WorkspacePane): void {
    this.show(pane);
    if (pane === 'conversation') this.#focusAfterUpdate.focus(this.options.aboutToggle);
  }

  /** The about toggle: the about pane in the narrow layout, the drawer opened or closed in the medium one. */
  toggleAbout(): void {
    if (this.#current !== 'narrow' && this.#drawerOpen) {
      this.#closeDrawer();
      return;
    }
    if (this.#current !== 'narrow') this.#drawerOpen = true;
    this.show('about');
  }

  /** Escape in the about drawer (medium layout) closes it. */
  readonly onAsideKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#current === 'medium' && this.#drawerOpen) {
      event.stopPropagation();
      this.#closeDrawer();
    }
  };

  /**
   * A skip link or shortcut: shows `pane` in the narrow layout and focuses `target` once it is
   * on screen (in every layout). It replaces any focus move still waiting.
   */
  skipTo(pane: WorkspacePane, target: () => Focusable | null | undefined): void {
    if (this.#current === 'narrow') this.#shownPane = pane;
    this.#focusAfterUpdate.focus(target);
  }

  /**
   * The open session changed: a session opened from the menu or the list shows the
   * conversation; with none open, the conversation and its details give way to the list
   * (unless `reports` are shown there).
   */
  sessionChanged(open: boolean, reports: boolean): void {
    const pane = this.#shownPane;
    if (open && (pane === 'menu' || pane === 'list')) this.#shownPane = 'conversation';
    if (!open && (pane === 'conversation' || pane === 'about') && !reports)
      this.#shownPane = 'list';
  }

  #closeDrawer(): void {
    this.#drawerOpen = false;
    this.host.requestUpdate();
    this.#focusAfterUpdate.focus(this.options.aboutToggle);
  }

  #setLayout(layout: WorkspaceLayout): void {
    if (layout === this.#current) return;
    this.#current = layout;
    if (layout !== 'medium') this.#drawerOpen = false;
    this.host.requestUpdate();
  }
}
