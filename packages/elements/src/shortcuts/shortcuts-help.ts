import { html, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { shortcutText } from '../controllers/page-shortcut.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { SHORTCUT_ACTIONS, type ShortcutAction } from './shortcut-map.js';
import type { ShortcutsController } from './shortcuts-controller.js';
import { renderCaptionedTable } from '../shared/captioned-table.js';
import { shortcutsHelpStyles } from './shortcuts-help.styles.js';
import './shortcuts.messages.js';

/** Keys that belong to a field or dialog rather than to the workspace: listed, not remappable. */
const FIELD_KEYS: ReadonlyArray<{ keys: string; label: MessageKey }> = [
  { keys: '/', label: 'shortcuts.field.search' },
  { keys: 'Enter', label: 'shortcuts.field.send' },
  { keys: 'Shift+Enter', label: 'shortcuts.field.newline' },
  { keys: 'Escape', label: 'shortcuts.field.escape' },
];

/**
 * The `?` help: a modal dialog listing every keyboard shortcut of the workspace (the action
 * shortcuts, the skip links' shortcuts, and the keys of its fields) with the keys in effect, and
 * the setting that turns the shortcuts off (WCAG 2.1.4), kept for the user's next visit.
 *
 * @summary The `?` help: every keyboard shortcut of the workspace, and the setting that turns them off.
 *
 * The workspace shows it on `?`, or from the keyboard button of its header; give it the
 * workspace's `ShortcutsController` as `controller` when used elsewhere.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart close-button - The Close button.
 * @csspart table - A table of shortcuts.
 * @csspart setting - The "Use keyboard shortcuts" checkbox with its label.
 */
@customElement('live-chat-shortcuts-help')
export class LiveChatShortcutsHelp extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, shortcutsHelpStyles];

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The shortcuts shown and switched on or off (the workspace's). */
  @property({ attribute: false })
  controller: ShortcutsController | undefined;

  /** Where focus was before the dialog opened: it goes back there on close. */
  private returnFocus: HTMLElement | undefined;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog (modal), focus on its Close button. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.returnFocus = deepActiveElement();
    dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  /** Closes the dialog; focus goes back where it was. */
  close(): void {
    this.dialog?.close();
  }

  private onClose(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }

  private onToggle(event: Event): void {
    this.controller?.setEnabled((event.target as HTMLInputElement).checked);
    this.requestUpdate();
  }

  private renderKeys(action: ShortcutAction): TemplateResult {
    const shortcut = this.controller?.bindings.get(action);
    if (!shortcut || !this.controller?.enabled) {
      return html`<span class="off">${this.t('shortcuts.off')}</span>`;
    }
    return html`<kbd>${shortcutText(shortcut)}</kbd>`;
  }

  private renderTable(caption: string, rows: TemplateResult[]): TemplateResult {
    const headers = [this.t('shortcuts.action'), this.t('shortcuts.keys')];
    return renderCaptionedTable('table', caption, headers, rows);
  }

  override render() {
    const controller = this.controller;
    const allowed = controller?.allowed ?? false;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
      <div class="head">
        <h2 id="title">${this.t('shortcuts.title')}</h2>
        <button type="button" part="close-button" class="button close" @click=${this.close}>
          ${this.t('shortcuts.close')}
        </button>
      </div>
      <label part="setting" class="setting">
        <input
          type="checkbox"
          .checked=${controller?.enabled ?? false}
          ?disabled=${!allowed}
          aria-describedby="setting-hint"
          @change=${this.onToggle}
        />
        ${this.t('shortcuts.enabled')}
      </label>
      <p id="setting-hint" class="hint">
        ${allowed ? this.t('shortcuts.enabled-hint') : this.t('shortcuts.host-off')}
      </p>
      ${this.renderTable(
        this.t('shortcuts.caption'),
        SHORTCUT_ACTIONS.map(
          (action) =>
            html`<tr data-action=${action}>
              <th scope="row">${this.t(`shortcuts.action.${action}`)}</th>
              <td>${this.renderKeys(action)}</td>
            </tr>`,
        ),
      )}
      ${this.renderTable(
        this.t('shortcuts.field-note'),
        FIELD_KEYS.map(
          (row) =>
            html`<tr>
              <th scope="row">${this.t(row.label)}</th>
              <td><kbd>${row.keys}</kbd></td>
            </tr>`,
        ),
      )}
    </dialog>`;
  }
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-shortcuts-help': LiveChatShortcutsHelp;
  }
}
