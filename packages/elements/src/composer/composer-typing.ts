import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveChatClient } from '@live-chat/core';
import type { ComposerMode } from './composer-mode.js';

/** What the typing signal needs from the composer. */
export interface ComposerTypingHost extends ReactiveControllerHost {
  readonly client?: LiveChatClient;
  readonly sessionId?: string;
  readonly mode: ComposerMode;
}

/**
 * The user's typing, told to the session's channel through `client.setTyping` (which throttles
 * it): typing while a reply's draft has text; stopped when it is sent or emptied, when the field
 * loses focus, when the composer switches to a note or to another session, and when it leaves
 * the page. Notes are never signalled.
 */
export class ComposerTyping implements ReactiveController {
  /** Where the user was last said to type. */
  #typingIn: { client: LiveChatClient; sessionId: string } | undefined;

  constructor(private readonly host: ComposerTypingHost) {
    host.addController(this);
  }

  /** After the draft changed: typing while a reply has text, stopped otherwise. */
  input(draft: string): void {
    const { client, sessionId, mode } = this.host;
    if (!client || !sessionId || mode !== 'reply' || draft.trim() === '') {
      this.stop();
      return;
    }
    if (this.#typingIn && this.#typingIn.sessionId !== sessionId) this.stop();
    this.#typingIn = { client, sessionId };
    client.setTyping(sessionId, true);
  }

  /** The user stopped typing (sent, blurred, left). */
  stop(): void {
    const typing = this.#typingIn;
    this.#typingIn = undefined;
    typing?.client.setTyping(typing.sessionId, false);
  }

  hostUpdate(): void {
    const typing = this.#typingIn;
    const { client, sessionId, mode } = this.host;
    if (
      typing &&
      (typing.client !== client || typing.sessionId !== sessionId || mode !== 'reply')
    ) {
      this.stop();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }
}
