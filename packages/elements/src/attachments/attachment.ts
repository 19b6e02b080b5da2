import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { isPreviewable, type Attachment, type ClientResult, type ErrorInfo } from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { clamped, untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { attachmentStyles } from './attachment.styles.js';
import { formatFileSize } from './file-size.js';
import { blobOf, revokeUrls, saveFile } from './save-file.js';
import './attachment.messages.js';

/** How far outside the viewport an image starts loading. */
const PRELOAD_MARGIN = '200px';

/** Where an image's preview stands. */
type Preview =
  | { state: 'waiting' }
  | { state: 'loading' }
  | { state: 'not-image' }
  | { state: 'shown'; url: string }
  | { state: 'failed'; error: ErrorInfo };

/** Where a download the user asked for stands. */
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: ErrorInfo };

/** An arrow into a tray, drawn in the text colour. */
const downloadIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/**
 * One file of a message. Every file is a Download button with its name and size: the bytes
 * are fetched (`client.download`) and saved through an `application/octet-stream` object URL
 * and a link with `download`, so the browser saves them and nothing is ever opened or rendered
 * in the page. An image (`attachment.image`) also gets a preview, fetched only once it comes
 * near the viewport and shown only if its bytes really are the image its type says
 * (`isPreviewable`), as an `<img>` of an object URL, its alt text the file's name; clicking it
 * (or Enter) shows it larger in place, and again smaller. Bytes that are not the image they
 * claim to be get no preview, only the download. A preview that failed to load offers Retry,
 * and one that failed offline loads again once the connection is back. Object URLs are revoked
 * when the element leaves the page.
 *
 * The conversation loads this element with `import()` the first time a message carries a file.
 *
 * @summary One file of a message: a safe image preview, and a download.
 *
 * @csspart preview - The image preview (a toggle button that shows it larger).
 * @csspart image - The preview's `<img>`.
 * @csspart preview-status - Loading, no preview (not an image, failed, offline) in place of the preview.
 * @csspart retry-button - Retry a preview that failed to load.
 * @csspart download - The Download button, with the file's name and size.
 * @csspart download-status - Downloading…, or why the download failed.
 *
 * @cssprop --live-chat-attachment-preview-width - Width of an image preview (240px).
 * @cssprop --live-chat-attachment-preview-height - Height of an image preview (160px).
 */
@customElement('live-chat-attachment')
export class LiveChatAttachment extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, untrustedTextStyles, attachmentStyles];

  private readonly connection = clientStream(this, (client) => client.connection$, 'connecting');

  @state() private preview: Preview = { state: 'waiting' };
  @state() private saving: Saving = { state: 'idle' };
  @state() private enlarged = false;

  /** The file (from a message's `attachments`). */
  @property({ attribute: false })
  attachment?: Attachment;

  /** The fetched bytes, kept for a download. */
  private blob: Blob | undefined;
  private observer: IntersectionObserver | undefined;
  /** Object URLs of downloads under way. */
  private readonly savedUrls = new Set<string>();
  /** Counts the resets: an answer that arrives after one is dropped. */
  private epoch = 0;
  /** The connection state last seen, to load again when it comes back online. */
  private seenConnection: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reset();
  }

  /** Starts loading the preview of an image once it comes near the viewport. */
  private watch(): void {
    if (!this.attachment?.image || this.preview.state !== 'waiting' || this.observer) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = undefined;
        void this.load();
      },
      // `scrollMargin` widens the history's scrolling box too, where the browser supports it.
      { rootMargin: PRELOAD_MARGIN, scrollMargin: PRELOAD_MARGIN } as IntersectionObserverInit,
    );
    this.observer.observe(this);
  }

  /** Forgets the bytes, revokes the object URLs and drops the answers still to come. */
  private reset(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.epoch++;
    if (this.preview.state === 'shown') URL.revokeObjectURL(this.preview.url);
    revokeUrls(this.savedUrls);
    this.blob = undefined;
    this.preview = { state: 'waiting' };
    this.saving = { state: 'idle' };
    this.enlarged = false;
  }

  /** The file's bytes, or why not; `undefined` when the element was reset meanwhile. */
  private async fetchBytes(id: string): Promise<ClientResult<Uint8Array> | undefined> {
    const epoch = this.epoch;
    const result = await this.client?.download(id);
    return epoch === this.epoch ? result : undefined;
  }

  /** Fetches the bytes; shows them as an image only when they are the image they claim to be. */
  private readonly load = async (): Promise<void> => {
    const attachment = this.attachment;
    if (!this.client || !attachment) return;
    this.preview = { state: 'loading' };
    const result = await this.fetchBytes(attachment.id);
    if (!result) return;
    if (!result.ok) {
      this.preview = { state: 'failed', error: result.error };
    } else if (isPreviewable(result.value, attachment.type)) {
      this.blob = blobOf(result.value, attachment.type);
      this.preview = { state: 'shown', url: URL.createObjectURL(this.blob) };
    } else {
      this.blob = blobOf(result.value);
      this.preview = { state: 'not-image' };
    }
  };

  /** Saves the file (fetching it first if the preview did not). */
  private readonly save = async (): Promise<void> => {
    const attachment = this.attachment;
    if (!this.client || !attachment || this.saving.state === 'saving') return;
    let blob = this.blob;
    if (!blob) {
      this.saving = { state: 'saving' };
      const result = await this.fetchBytes(attachment.id);
      if (!result) return;
      if (!result.ok) return void (this.saving = { state: 'failed', error: result.error });
      blob = blobOf(result.value);
    }
    this.saving = { state: 'idle' };
    saveFile(this.renderRoot, blob, attachment.name, this.savedUrls);
  };

  /** Bytes that passed the check but do not decode: no preview either. */
  private onImageError(): void {
    if (this.preview.state === 'shown') URL.revokeObjectURL(this.preview.url);
    this.preview = { state: 'not-image' };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('attachment') as Attachment | undefined;
    if (changed.has('attachment') && before && before.id !== this.attachment?.id) this.reset();
    // Failed offline: it loads again once the connection is back.
    const connection = this.connection.value;
    const back = connection === 'online' && this.seenConnection !== connection;
    this.seenConnection = connection;
    const { preview } = this;
    if (back && preview.state === 'failed' && preview.error.code === 'OFFLINE') void this.load();
  }

  override updated(): void {
    if (this.isConnected) this.watch();
  }

  private renderPreview(attachment: Attachment): TemplateResult {
    const preview = this.preview;
    if (preview.state === 'shown') {
      const enlarged = this.enlarged;
      return html`<button
        type="button"
        class=${classMap({ frame: true, preview: true, enlarged })}
        part="preview"
        aria-pressed=${enlarged ? 'true' : 'false'}
        title=${this.t(enlarged ? 'attachment.shrink' : 'attachment.enlarge')}
        @click=${() => (this.enlarged = !enlarged)}
      >
        <img part="image" src=${preview.url} alt=${attachment.name} @error=${this.onImageError} />
      </button>`;
    }
    if (preview.state === 'waiting' || preview.state === 'loading') {
      return html`<div class="frame" part="preview-status">${this.t('attachment.loading')}</div>`;
    }
    if (preview.state === 'not-image') {
      return html`<p class="status" part="preview-status">${this.t('attachment.notImage')}</p>`;
    }
    const offline = preview.error.code === 'OFFLINE';
    return html`<p class="status failed" part="preview-status">
      ${
        offline
          ? this.t('attachment.offline')
          : this.t('attachment.failed', { reason: this.errorText(preview.error) })
      }<button class="button" part="retry-button" type="button" @click=${this.load}>
        ${this.t('attachment.retry')}
      </button>
    </p>`;
  }

  override render(): TemplateResult | typeof nothing {
    const attachment = this.attachment;
    if (!attachment) return nothing;
    const saving = this.saving;
    return html`${attachment.image ? this.renderPreview(attachment) : nothing}<button
        type="button"
        class="download"
        part="download"
        @click=${this.save}
      >
        ${downloadIcon}<span class="visually-hidden">${this.t('attachment.download')} </span
        >${clamped(attachment.name)}
        <span class="size">${formatFileSize(attachment.size, this.locale)}</span>
      </button>
      ${
        saving.state === 'idle'
          ? nothing
          : html`<p
              class=${classMap({ status: true, failed: saving.state === 'failed' })}
              part="download-status"
            >
              ${
                saving.state === 'saving'
                  ? this.t('attachment.saving')
                  : this.t('attachment.saveFailed', { reason: this.errorText(saving.error) })
              }
            </p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-attachment': LiveChatAttachment;
  }
}
