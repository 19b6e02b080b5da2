import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything focus can be given to: an element, or a component with its own `focus()`. */
export interface Focusable {
  focus(options?: FocusOptions): void;
}

/** How {@link FocusAfterUpdateController.focus} moves focus. */
export interface FocusAfterUpdateOptions extends FocusOptions {
  /** Also select the text of the target (an `input` or `textarea`). */
  select?: boolean;
  /**
   * Keep waiting, through later updates, while this returns `false`: for a target that appears
   * only once data arrives (the default is to focus after the very next update).
   */
  until?: () => boolean;
}

interface FocusRequest {
  find: () => Focusable | null | undefined;
  options: FocusAfterUpdateOptions;
}

/** Focuses `target` (nothing when there is none), selecting its text when asked. */
function moveFocus(target: Focusable | null | undefined, options: FocusAfterUpdateOptions): void {
  if (!target) return;
  // Unknown keys (`select`, `until`) are ignored by `focus()`.
  target.focus(options);
  if (options.select && typeof (target as Partial<HTMLInputElement>).select === 'function') {
    (target as HTMLInputElement).select();
  }
}

/**
 * Moves focus once the next render is on screen: the element that should get focus often does
 * not exist yet when the user acts (the rename field appears after a click on the pencil; +Bind
 * comes back when its panel closes). One request waits at a time; a later one replaces it.
 *
 * ```ts
 * private readonly focusAfterUpdate = new FocusAfterUpdateController(this);
 * private startRename() {
 *   this.editing = true;
 *   this.focusAfterUpdate.focus(() => this.nameInput, { select: true });
 * }
 * ```
 *
 * `find` runs after the update, so it can use `@query` fields and `renderRoot`. It may return
 * nothing (the target went away): focus then stays where it is. The controller asks the host
 * to update, so a request is served even when nothing else changed. A request still waiting
 * when the host disconnects is dropped.
 */
export class FocusAfterUpdateController implements ReactiveController {
  #request: FocusRequest | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isUpdatePending?: boolean },
  ) {
    host.addController(this);
  }

  /** Whether a request is waiting for an update. */
  get pending(): boolean {
    return this.#request !== undefined;
  }

  /** Focuses what `find` returns after the next update (see {@link FocusAfterUpdateOptions}). */
  focus(find: () => Focusable | null | undefined, options: FocusAfterUpdateOptions = {}): void {
    this.#request = { find, options };
    this.host.requestUpdate();
  }

  /**
   * Focuses what `find` returns as soon as the screen is current: at once when the host has no
   * update pending, else after that update. For a public `focus()` that callers expect to act
   * at once when nothing is left to render.
   */
  focusWhenRendered(
    find: () => Focusable | null | undefined,
    options: FocusAfterUpdateOptions = {},
  ): void {
    const ready = this.host.isUpdatePending === false && (!options.until || options.until());
    if (!ready) {
      this.focus(find, options);
      return;
    }
    this.#request = undefined;
    moveFocus(find(), options);
  }

  /** Drops the waiting request, if any. */
  cancel(): void {
    this.#request = undefined;
  }

  hostUpdated(): void {
    const request = this.#request;
    if (!request) return;
    if (request.options.until && !request.options.until()) return;
    this.#request = undefined;
    moveFocus(request.find(), request.options);
  }

  hostDisconnected(): void {
    this.#request = undefined;
  }
}
