import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorInfo, LiveChatClient } from '@live-chat/core';
import { sessionClosedEvent } from '../events/session-closed.js';
import { takeLostEvent, type TakeLostDetail } from '../events/take-lost.js';
import type { CloseDialogActions, SessionAction, SessionHeaderActions } from './session-header.js';

/** Where focus goes after an action: the element the user will want next. */
export type ActionFocusTarget = 'composer' | 'log' | 'close-button' | 'closed-note';

export interface SessionActionsOptions {
  client: () => LiveChatClient | undefined;
  sessionId: () => string | undefined;
  /** The Close session confirmation dialog. */
  dialog: () => HTMLDialogElement | null | undefined;
  /** Moves focus after the next update (the target may only appear then). */
  focus: (target: ActionFocusTarget) => void;
  /** Take failed: another operator took the session first. */
  takeLost?: (detail: TakeLostDetail) => void;
}

/**
 * The session actions of the conversation's header: Take, Return to queue and Close session
 * (through its confirmation dialog). One runs at a time; its error is kept for the session it
 * ran in. Closing fires `live-chat-session-closed` from the host. Focus follows what the user
 * will want next: the composer after Take, the history after Return to queue, the closed note
 * after closing, Close session again when the dialog is cancelled.
 */
export class SessionActionsController
  implements ReactiveController, SessionHeaderActions, CloseDialogActions
{
  #running: SessionAction | undefined;
  #failure: { sessionId: string; error: ErrorInfo } | undefined;
  #dialogFailure: ErrorInfo | undefined;
  #closeConfirmed = false;
  #dialogSessionId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SessionActionsOptions,
  ) {
    host.addController(this);
  }

  /** The action running now, if any. */
  get busyAction(): SessionAction | undefined {
    return this.#running;
  }

  /** The last action's error, when it was in the session shown now. */
  get error(): ErrorInfo | undefined {
    const failure = this.#failure;
    return failure && failure.sessionId === this.options.sessionId() ? failure.error : undefined;
  }

  /** Why closing failed, shown in the dialog. */
  get closeError(): ErrorInfo | undefined {
    return this.#dialogFailure;
  }

  /** Another session is shown: a dialog opened for the previous one closes. */
  sessionChanged(): void {
    this.#dialogFailure = undefined;
    const dialog = this.options.dialog();
    if (dialog?.open) dialog.close();
  }

  readonly take = (): void => {
    const sessionId = this.options.sessionId();
    void this.#run('take', (client, id) => client.take(id)).then((ok) => {
      if (ok) return this.options.focus('composer');
      const error = this.error;
      if (sessionId && error?.code === 'ALREADY_TAKEN') {
        const lost = takeLostEvent(sessionId, error);
        this.host.dispatchEvent(lost);
        this.options.takeLost?.(lost.detail);
      }
    });
  };

  readonly returnToQueue = (): void => {
    void this.#run('return', (client, id) => client.returnToQueue(id)).then((ok) => {
      if (ok) this.options.focus('log');
    });
  };

  /** Opens the confirmation dialog, with the safe choice (Cancel) focused. */
  readonly close = (): void => {
    const dialog = this.options.dialog();
    if (this.#running || !dialog || dialog.open) return;
    this.#dialogFailure = undefined;
    this.#dialogSessionId = this.options.sessionId();
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('[data-dialog-cancel]')?.focus();
    this.host.requestUpdate();
  };

  readonly cancel = (): void => {
    this.options.dialog()?.close();
  };

  readonly confirm = (): void => {
    const client = this.options.client();
    const sessionId = this.options.sessionId();
    if (!client || !sessionId || this.#running) return;
    this.#dialogFailure = undefined;
    void this.#track('close', client.close(sessionId)).then((result) => {
      if (!result.ok) {
        this.#dialogFailure = result.error;
        this.host.requestUpdate();
        return;
      }
      this.#closeConfirmed = true;
      this.options.dialog()?.close();
      this.host.dispatchEvent(sessionClosedEvent({ sessionId }));
    });
  };

  /** The dialog closed (Cancel, Escape, or after confirming): focus returns where it belongs. */
  readonly closed = (): void => {
    const confirmed = this.#closeConfirmed;
    this.#closeConfirmed = false;
    // Closed because another session was opened: focus stays where the user put it.
    if (this.#dialogSessionId !== this.options.sessionId()) return;
    this.options.focus(confirmed ? 'closed-note' : 'close-button');
  };

  /** A dialog that closes while the host is away moves no focus. */
  hostDisconnected(): void {
    this.#dialogSessionId = undefined;
    this.#closeConfirmed = false;
  }

  async #run(
    name: SessionAction,
    command: (client: LiveChatClient, id: string) => Promise<{ ok: boolean; error?: ErrorInfo }>,
  ): Promise<boolean> {
    const client = this.options.client();
    const sessionId = this.options.sessionId();
    if (!client || !sessionId || this.#running) return false;
    this.#failure = undefined;
    const result = await this.#track(name, command(client, sessionId));
    if (!result.ok && result.error) {
      this.#failure = { sessionId, error: result.error };
      this.host.requestUpdate();
      return false;
    }
    return true;
  }

  /** Marks `name` as running until `command` settles. */
  async #track<R>(name: SessionAction, command: Promise<R>): Promise<R> {
    this.#running = name;
    this.host.requestUpdate();
    try {
      return await command;
    } finally {
      this.#running = undefined;
      this.host.requestUpdate();
    }
  }
}
