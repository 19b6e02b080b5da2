import { html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { HostAction } from '@live-chat/core';
import { clientStream } from '../../controllers/client-streams.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { clamped } from '../../shared/clamped-text.js';
import { actionsMenuStyles } from './actions-menu.styles.js';

/**
 * The +Actions menu button: the host's actions for a session (see `client.registerAction`),
 * such as "Start business process". A menu button: Enter, Space or ArrowDown open it on the
 * first action, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns
 * focus to the button. The outcome of an action is shown under the menu. Nothing is shown
 * while no action is registered. A part of `<live-chat-about-session>`, usable alone.
 *
 * @summary The +Actions menu of a session's host actions.
 *
 * @csspart actions-button - The +Actions menu button.
 * @csspart actions-menu - The +Actions menu.
 * @csspart action - One item of the +Actions menu.
 * @csspart feedback - The outcome of the last action.
 */
@customElement('live-chat-actions-menu')
export class LiveChatActionsMenu extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, actionsMenuStyles];

  private readonly actions = clientStream(this, (client) => client.actions$, []);

  @query('[part~="actions-button"]') private actionsButton?: HTMLButtonElement;

  @state() private menuOpen = false;

  /** @internal */
  protected override resetForNewSession(): void {
    super.resetForNewSession();
    this.menuOpen = false;
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private onActionsButtonClick(): void {
    if (this.menuOpen) this.closeMenu(true);
    else this.openMenu(0);
  }

  private onActionsButtonKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu(event.key === 'ArrowDown' ? 0 : this.actions.value.length - 1);
    }
  }

  private openMenu(index: number): void {
    this.menuOpen = true;
    this.focusAfterUpdate.focus(() => this.menuItems()[index]);
  }

  private closeMenu(restoreFocus: boolean): void {
    this.menuOpen = false;
    if (restoreFocus) this.focusAfterUpdate.focus(() => this.actionsButton);
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.menuItems();
    const current = items.indexOf(event.target as HTMLElement);
    const last = items.length - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = current >= last ? 0 : current + 1;
        break;
      case 'ArrowUp':
        next = current <= 0 ? last : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.closeMenu(true);
        return;
      case 'Tab':
        this.closeMenu(false);
        return;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const action = this.actions.value[current];
        if (action) void this.runAction(action);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  }

  private onMenuFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const container = this.renderRoot.querySelector('.actions-menu');
    if (this.menuOpen && next && container && !container.contains(next)) this.closeMenu(false);
  }

  private async runAction(action: HostAction): Promise<void> {
    const { client, sessionId } = this;
    this.closeMenu(true);
    if (!client || !sessionId || this.busy.has('action')) return;
    this.setBusy('action', true);
    this.setFeedback('action', {
      kind: 'notice',
      text: this.tIsolated('about-session.running', { action: action.label }),
    });
    const result = await client.runAction(action.id, sessionId);
    this.setBusy('action', false);
    this.setFeedback(
      'action',
      result.ok
        ? {
            kind: 'notice',
            text:
              result.value.message ??
              this.tIsolated('about-session.actionDone', { action: action.label }),
          }
        : { kind: 'error', text: this.errorText(result.error) },
    );
  }

  /** @internal */
  protected override renderPart({ readOnly }: PartContext): TemplateResult | typeof nothing {
    const actions = this.actions.value;
    if (actions.length === 0) return nothing;
    const open = this.menuOpen && !readOnly;
    return html`
      <div class="actions-menu" @focusout=${this.onMenuFocusOut}>
        <button
          id="actions-button"
          class="button"
          part="actions-button"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="actions-menu"
          aria-describedby=${ifDefined(this.describedBy(readOnly))}
          ?disabled=${readOnly}
          @click=${this.onActionsButtonClick}
          @keydown=${this.onActionsButtonKeydown}
        >
          ${this.t('about-session.actions')}
        </button>
        <ul
          id="actions-menu"
          part="actions-menu"
          role="menu"
          aria-labelledby="actions-button"
          ?hidden=${!open}
          @keydown=${this.onMenuKeydown}
        >
          ${actions.map(
            (action) =>
              html`<li
                role="menuitem"
                part="action"
                tabindex="-1"
                @click=${() => this.runAction(action)}
              >
                ${clamped(action.label)}
              </li>`,
          )}
        </ul>
        ${this.renderFeedback('action')}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-actions-menu': LiveChatActionsMenu;
  }
}
