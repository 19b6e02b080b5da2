import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  cleanFileName,
  type Attachment,
  type AttachmentPolicy,
  type ClientResult,
  type ErrorInfo,
  type LiveChatClient,
} from '@live-chat/core';
import { ANNOUNCE_INTERVAL_MS, AnnouncerController } from '../controllers/announcer.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';
import { tokens } from '../styles/tokens.js';
import { formatFileSize } from './file-size.js';
import { renderChips } from './file-tray-chips.js';
import { fileTrayStyles } from './file-tray.styles.js';
import './file-tray.messages.js';

/** A file picked for the next reply: uploading, uploaded and ready to send, or refused. */
export interface PickedFile {
  /** Tells the files of one tray apart (two may share a name). */
  readonly key: number;
  /** The file's name, cleaned as the backend cleans it (untrusted text still). */
  readonly name: string;
  readonly size: number;
  readonly state: 'uploading' | 'ready' | 'failed';
  /** The backend's record, once uploaded. */
  readonly attachment?: Attachment;
  /** Why it was refused. */
  readonly error?: ErrorInfo;
}

/**
 * The files of the composer's next reply, per session: each file given to {@link add} is
 * checked and uploaded at once (`client.upload`) and shown as a chip with its name, size and
 * state (uploading, ready, or refused with the reason: its type, its size, empty, offline), and
 * a Remove button; more than the policy's `perMessage` are refused together. Sending takes the
 * ready files ({@link take}) and gives them back if the send is refused ({@link restore}).
 * Files ready and refused are announced politely. It fires `change` (not bubbling) whenever its
 * files change.
 *
 * `<live-chat-composer>` renders it, and loads its code with `import()` the first time the
 * user attaches a file.
 *
 * @summary The files of the composer's next reply, as chips.
 *
 * @csspart attach-list - The list of files.
 * @csspart attachment-chip - A file (also `uploading`, `ready` or `failed`).
 * @csspart attachment-state - Uploading…, Ready, or why it was refused.
 * @csspart remove-attachment - The Remove button of a file.
 * @csspart attach-notice - Too many files, or Send waiting for uploads.
 */
@customElement('live-chat-file-tray')
export class LiveChatFileTray extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, untrustedTextStyles, fileTrayStyles];

  private readonly announcer = new AnnouncerController(this);

  /** Id of the session whose next reply the files go with. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /** Where focus goes when the last file is removed (the composer's reply field). */
  @property({ attribute: false })
  returnFocus?: () => void;

  private readonly picked = new Map<string, readonly PickedFile[]>();
  private readonly notices = new Map<string, string>();
  private nextKey = 0;
  /** What was said in the current interval of the announcer, and when it began. */
  private burst: { at: number; texts: string[] } = { at: 0, texts: [] };

  /** What the backend accepts, or `undefined` when it takes no files. */
  get policy(): AttachmentPolicy | undefined {
    return this.client?.attachmentPolicy;
  }

  /** The files of `sessionId`'s next reply. */
  files(sessionId = this.sessionId): readonly PickedFile[] {
    return (sessionId && this.picked.get(sessionId)) || [];
  }

  /** Whether a file of `sessionId` is still uploading. */
  uploading(sessionId: string): boolean {
    return this.files(sessionId).some((file) => file.state === 'uploading');
  }

  /** The uploaded files ready to go with `sessionId`'s next reply. */
  ready(sessionId: string): Attachment[] {
    return this.files(sessionId).flatMap((file) => file.attachment ?? []);
  }

  /** Empties `sessionId`'s tray as its reply is sent; returns what it held, for {@link restore}. */
  take(sessionId: string): readonly PickedFile[] {
    const files = this.files(sessionId);
    this.notices.delete(sessionId);
    this.set(sessionId, []);
    return files;
  }

  /** Puts back the files of a send that was refused, before any picked since. */
  restore(sessionId: string, files: readonly PickedFile[]): void {
    if (files.length) this.set(sessionId, [...files, ...this.files(sessionId)]);
  }

  /** Says that Send waits for the uploads (the tray shows it, and it is announced). */
  waitForUploads(sessionId: string): void {
    this.say(sessionId, this.t('fileTray.wait'));
  }

  /** Uploads `files` for the current session's next reply, up to the policy's `perMessage`. */
  add(files: readonly File[]): void {
    const { client, sessionId, policy } = this;
    if (!client || !sessionId || !policy || files.length === 0) return;
    const kept = this.files(sessionId).filter((file) => file.state !== 'failed').length;
    const taken = files.slice(0, Math.max(0, policy.perMessage - kept));
    this.notices.delete(sessionId);
    const added = taken.map((file) => ({
      key: this.nextKey++,
      name: cleanFileName(file.name),
      size: file.size,
      state: 'uploading' as const,
    }));
    this.set(sessionId, [...this.files(sessionId), ...added]);
    if (taken.length < files.length) {
      this.say(sessionId, this.t('fileTray.tooMany', { count: policy.perMessage }));
    }
    taken.forEach((file, i) => void this.upload(client, sessionId, policy, file, added[i]!.key));
  }

  /** Takes a file out of the current session's tray; focus goes to the next file, or back. */
  private removeFile(key: number): void {
    const sessionId = this.sessionId;
    if (!sessionId) return;
    const files = this.files(sessionId);
    const index = files.findIndex((file) => file.key === key);
    this.notices.delete(sessionId);
    this.set(
      sessionId,
      files.filter((file) => file.key !== key),
    );
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part~="remove-attachment"]');
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else this.returnFocus?.();
    });
  }

  private async upload(
    client: LiveChatClient,
    sessionId: string,
    policy: AttachmentPolicy,
    file: File,
    key: number,
  ): Promise<void> {
    const result = await this.send(client, policy, file);
    const current = this.files(sessionId);
    const shown = current.find((picked) => picked.key === key);
    // Removed (or sent) meanwhile: nothing to show.
    if (!shown) return;
    const done: PickedFile = result.ok
      ? { ...shown, state: 'ready', attachment: result.value }
      : { ...shown, state: 'failed', error: result.error };
    this.set(
      sessionId,
      current.map((picked) => (picked.key === key ? done : picked)),
    );
    this.announce(
      result.ok
        ? this.t('fileTray.fileReady', { name: done.name })
        : this.t('fileTray.fileError', { name: done.name, reason: this.refusal(result.error) }),
    );
  }

  /** Reads and uploads `file`; a file over the size limit is refused before it is read. */
  private async send(
    client: LiveChatClient,
    policy: AttachmentPolicy,
    file: File,
  ): Promise<ClientResult<Attachment>> {
    const refused = (reason: string, details: Record<string, unknown> = {}) => ({
      ok: false as const,
      error: { code: 'VALIDATION' as const, message: reason, details: { reason, ...details } },
    });
    if (file.size > policy.maxBytes)
      return refused('FILE_TOO_LARGE', { maxBytes: policy.maxBytes });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return refused('FILE_UNREADABLE');
    }
    return client.upload({ name: file.name, bytes });
  }

  /**
   * Why a file was not attached, in words: its type, its size (with the limit), empty,
   * unreadable, offline, or the error's own sentence. The reason comes from `details.reason` of
   * the `VALIDATION` error `client.upload` answers with.
   */
  refusal(error: ErrorInfo): string {
    const details = error.details ?? {};
    const max = details['maxBytes'];
    switch (error.code === 'VALIDATION' ? details['reason'] : error.code) {
      case 'FILE_TYPE_NOT_ALLOWED':
        return this.t('fileTray.typeNotAllowed', { type: String(details['type'] ?? '') });
      case 'FILE_TOO_LARGE':
        return this.t('fileTray.tooLarge', {
          max: formatFileSize(
            typeof max === 'number' ? max : (this.policy?.maxBytes ?? 0),
            this.locale,
          ),
        });
      case 'FILE_EMPTY':
        return this.t('fileTray.empty');
      case 'FILE_UNREADABLE':
        return this.t('fileTray.unreadable');
      case 'OFFLINE':
        return this.t('fileTray.offline');
      default:
        return this.t('fileTray.failed', { reason: this.errorText(error) });
    }
  }

  private set(sessionId: string, files: readonly PickedFile[]): void {
    this.picked.set(sessionId, files);
    this.requestUpdate();
    this.dispatchEvent(new Event('change'));
  }

  /** Announces `text` after what the current interval holds, so that no refusal goes unsaid. */
  private announce(text: string): void {
    const now = Date.now();
    if (now - this.burst.at > ANNOUNCE_INTERVAL_MS) this.burst = { at: now, texts: [] };
    this.burst.texts.push(text);
    this.announcer.announce(this.burst.texts.join(' '));
  }

  private say(sessionId: string, text: string): void {
    this.notices.set(sessionId, text);
    this.announce(text);
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const sessionId = this.sessionId;
    const notice = sessionId ? this.notices.get(sessionId) : undefined;
    return html`${renderChips(this.files(), {
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      refusal: (error) => this.refusal(error),
      remove: (key) => this.removeFile(key),
    })}${notice ? html`<p class="notice" part="attach-notice">${notice}</p>` : nothing}${this.announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-file-tray': LiveChatFileTray;
  }
}
