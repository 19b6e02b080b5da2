import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageView } from '@live-chat/core';
import type { ScrollPinController } from '../controllers/scroll-pin.js';

/** How long a jumped-to message stays highlighted. */
export const HIGHLIGHT_MS = 2500;

export interface MessageJumpOptions {
  /** The scrolling history. */
  container: () => HTMLElement | null | undefined;
  /** The rendered message element of an id. */
  messageElement: (messageId: string) => HTMLElement | null | undefined;
  /** The messages about to be rendered, or nothing while the history is not there. */
  messages: () => readonly MessageView[] | undefined;
  /** The history's scroll keeper: a jump takes the scroll position over from it. */
  scrollPin: ScrollPinController;
}

/**
 * A jump to one message of the history (a search hit): once the message is among those
 * rendered, it is centred in the history, highlighted for {@link HIGHLIGHT_MS} and, when asked,
 * focused. Until then {@link MessageJumpController.waiting} tells the host to load older pages.
 * Construct it after the controllers that supply the messages and after the scroll keeper.
 */
export class MessageJumpController implements ReactiveController {
  #target: { messageId: string; focus: boolean } | undefined;
  #arrived: { messageId: string; focus: boolean } | undefined;
  #highlighted: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MessageJumpOptions,
  ) {
    host.addController(this);
  }

  /** The id of the message shown highlighted now. */
  get highlightedId(): string | undefined {
    return this.#highlighted;
  }

  /** Whether a jump waits for its message to be loaded. */
  get waiting(): boolean {
    return this.#target !== undefined;
  }

  /** Jumps to `messageId` as soon as it is rendered (nothing: forget a waiting jump). */
  jumpTo(messageId: string | undefined, options: { focus: boolean }): void {
    this.#target = messageId ? { messageId, focus: options.focus } : undefined;
    this.host.requestUpdate();
  }

  /** Forgets the waiting jump and the highlight (another conversation is shown). */
  clear(): void {
    this.#target = undefined;
    this.#arrived = undefined;
    this.#highlighted = undefined;
    clearTimeout(this.#timer);
  }

  hostUpdate(): void {
    const target = this.#target;
    if (!target || !this.options.messages()?.some((m) => m.id === target.messageId)) return;
    this.#target = undefined;
    this.#arrived = target;
    this.#highlighted = target.messageId;
    this.options.scrollPin.release();
  }

  hostUpdated(): void {
    const jump = this.#arrived;
    this.#arrived = undefined;
    if (!jump) return;
    const log = this.options.container();
    const element = this.options.messageElement(jump.messageId);
    if (element && log) {
      // Centre it in the history only (scrollIntoView would scroll the host page too).
      const offset = element.getBoundingClientRect().top - log.getBoundingClientRect().top;
      log.scrollTop += offset - (log.clientHeight - element.offsetHeight) / 2;
    }
    if (jump.focus) element?.focus({ preventScroll: true });
    this.options.scrollPin.measure();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#highlighted = undefined;
      this.host.requestUpdate();
    }, HIGHLIGHT_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#highlighted = undefined;
  }
}
