import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatFileTray } from '../attachments/file-tray.js';
import type { Translate } from '../i18n/catalogue.js';
import { formatFileSize } from '../attachments/file-size.js';
import { loadOnDemand } from '../shared/on-demand.js';
import './composer.messages.js';

/** What the intake needs from the composer. */
export interface AttachmentIntakeHost extends ReactiveControllerHost {
  readonly client?: LiveChatClient;
  readonly sessionId?: string;
  readonly locale: string;
  readonly theme: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether files may be attached now: a reply the user may send, on a backend that takes files. */
  readonly acceptsFiles: boolean;
}

/** The loading of `<live-chat-file-tray>`, started by the first file attached. */
let trayElement: Promise<unknown> | undefined;

/**
 * The ways files come into the composer: Attach files and its file input, files dropped on the
 * composer (which shows it takes them while they are dragged over it), and files pasted into
 * the reply field. They go to the composer's `<live-chat-file-tray>`, whose code is loaded
 * with `import()` the first time; files that come while it loads wait for it.
 */
export class AttachmentIntake {
  /** Whether files are being dragged over the composer. */
  dropping = false;

  constructor(private readonly host: AttachmentIntakeHost) {}

  /** The composer's file tray, once its code has loaded. */
  get tray(): LiveChatFileTray | undefined {
    const tray = this.host.renderRoot.querySelector('live-chat-file-tray');
    return tray?.matches(':defined') ? tray : undefined;
  }

  /** Hands `files` to the tray, loading it first if need be. */
  #add(files: File[]): void {
    if (files.length === 0) return;
    trayElement ??= loadOnDemand('live-chat-file-tray').catch(() => {
      trayElement = undefined;
    });
    void trayElement.then(() => this.tray?.add(files));
  }

  /** The hidden file input's `change`: the files picked. */
  readonly onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#add([...(input.files ?? [])]);
    // The same file can be picked again.
    input.value = '';
  };

  /** Files pasted into the reply field are attached, not pasted as text. */
  readonly onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.host.acceptsFiles) return;
    event.preventDefault();
    this.#add(files);
  };

  /**
   * `dragenter` and `dragover` of files: the composer shows it takes them, or, in a note or
   * where files cannot go, refuses the drop (rather than let the browser open the file).
   */
  readonly onDragOver = (event: DragEvent): void => {
    if (!this.#carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = this.host.acceptsFiles ? 'copy' : 'none';
    this.#showDropping(this.host.acceptsFiles);
  };

  /** Leaving the composer (not just moving over its children) ends the drop state. */
  readonly onDragLeave = (event: DragEvent): void => {
    const target = event.currentTarget as Element;
    if (!target.contains(event.relatedTarget as Node | null)) this.#showDropping(false);
  };

  /** Files dropped on the composer are attached (where files can go). */
  readonly onDrop = (event: DragEvent): void => {
    this.#showDropping(false);
    if (!this.#carriesFiles(event)) return;
    event.preventDefault();
    if (this.host.acceptsFiles) this.#add([...event.dataTransfer!.files]);
  };

  #carriesFiles(event: DragEvent): boolean {
    return !!event.dataTransfer?.types.includes('Files');
  }

  #showDropping(dropping: boolean): void {
    if (this.dropping === dropping) return;
    this.dropping = dropping;
    this.host.requestUpdate();
  }

  /**
   * "Attach files" and the file input it opens (visually hidden, out of the tab order), with
   * the limits as its description; nothing when the backend takes no files.
   */
  renderButton(t: Translate, locale: string): TemplateResult | typeof nothing {
    const policy = this.host.client?.attachmentPolicy;
    if (!policy) return nothing;
    const pick = (event: Event) =>
      ((event.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click();
    return html`<button
        type="button"
        class="button attach"
        part="attach-button"
        aria-describedby="attach-limits"
        @click=${pick}
      >
        ${clip}${t('conversation.composer.attach')}</button
      ><input
        type="file"
        multiple
        class="visually-hidden"
        tabindex="-1"
        aria-hidden="true"
        @change=${this.onPick}
      /><span id="attach-limits" class="attach-limits" part="attach-limits"
        >${t('conversation.composer.attach.limits', {
          count: policy.perMessage,
          size: formatFileSize(policy.maxBytes, locale),
        })}</span
      >`;
  }

  /**
   * The composer's `<live-chat-file-tray>` (its parts re-exported), on a backend that takes
   * files: hidden unless `shown` (in Note mode it keeps the reply's files out of sight), and
   * `returnFocus` when its last file is removed. The composer renders again when its files
   * change.
   */
  renderTray(shown: boolean, returnFocus: () => void): TemplateResult | typeof nothing {
    const { client, sessionId } = this.host;
    return client?.attachmentPolicy && sessionId
      ? html`<live-chat-file-tray
          exportparts="attach-list, attachment-chip, attachment-state, remove-attachment, attach-notice"
          ?hidden=${!shown}
          .client=${client}
          .sessionId=${sessionId}
          .returnFocus=${returnFocus}
          locale=${this.host.locale}
          theme=${this.host.theme}
          @change=${() => this.host.requestUpdate()}
        ></live-chat-file-tray>`
      : nothing;
  }

  /** "Drop files to attach them" over the composer, while files are dragged over it. */
  renderDropHint(t: Translate): TemplateResult | typeof nothing {
    return this.dropping
      ? html`<p class="drop-hint" part="drop-hint" aria-hidden="true">
          ${t('conversation.composer.attach.drop')}
        </p>`
      : nothing;
  }
}

/** A paper clip, drawn in the text colour (forced colours too). */
const clip = svg`<svg class="clip" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M10.5 4.5 5.4 9.6a1.3 1.3 0 0 0 1.8 1.8l5.4-5.4a2.6 2.6 0 0 0-3.7-3.7L3.4 7.8a3.9 3.9 0 0 0 5.5 5.5l4.6-4.6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/></svg>`;
