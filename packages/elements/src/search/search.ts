import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { BehaviorSubject } from 'rxjs';
import {
  MAX_SEARCH_LENGTH,
  type ConnectionState,
  type Id,
  type SearchHit,
  type SearchState,
} from '@live-chat/core';
import { sessionOpenEvent } from '../events/session-open.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { PageShortcutController } from '../controllers/page-shortcut-controller.js';
import { tokens } from '../styles/tokens.js';
import { renderHitGroup, type SearchResultsView } from './search-results.js';
import { searchStyles } from './search.styles.js';
import { shortcutKeysContext, type ShortcutKeys } from '../shortcuts/shortcut-keys-context.js';
import './search.messages.js';

/** What the search shows, derived from the field, the client's search state and the connection. */
type SearchPhase = 'idle' | 'searching' | 'done' | 'error' | 'offline';

/** One query as the client's `search$` takes it. */
interface SearchInput {
  text: string;
  sessionId?: Id;
}

/**
 * @summary Scoped, as-you-type search: with a session open it searches that session's name and
 * whole message history, otherwise session names only. Results stream in with the matched text
 * highlighted; choosing one opens the session (and jumps to the matched message).
 *
 * Keyboard: `/` anywhere on the page (outside an editable field) focuses the field; ArrowDown /
 * ArrowUp move through the results; Enter opens the active one; Escape clears the field and
 * closes the results, a second Escape leaves the field.
 *
 * @fires live-chat-session-open - when the user chooses a hit: `{ sessionId }` for a session-name
 * hit, `{ sessionId, messageId }` for a message hit (the conversation jumps to that message).
 *
 * @csspart field - the box around the icon, the input and the clear button
 * @csspart input - the search input (`role="combobox"`)
 * @csspart clear-button - the button that clears the field
 * @csspart popup - the drop-down with the status line and the results
 * @csspart status - the visible status line (searching, no results, error, offline)
 * @csspart results - the results listbox
 * @csspart group-label - the "Sessions" / "Messages" heading of a result group
 * @csspart hit - one result (`role="option"`); also `hit-active` on the active one
 * @csspart hit-text - a result's highlighted text
 * @csspart hit-meta - a result's secondary line (live chat or session name)
 * @csspart match - a highlighted match (`<mark>`)
 * @csspart channel-icon - the messenger icon of a result's session
 *
 * @cssprop --live-chat-search-background - background of the field (default: raised surface)
 * @cssprop --live-chat-search-border-color - border of the field (default: border colour)
 * @cssprop --live-chat-search-popup-background - background of the results drop-down (default: raised surface)
 * @cssprop --live-chat-search-popup-max-height - height limit of the results drop-down (default: 24rem)
 * @cssprop --live-chat-search-active-background - background of the active result (default: soft accent)
 * @cssprop --live-chat-search-highlight - background of highlighted matches (default: `--live-chat-color-highlight`)
 */
@customElement('live-chat-search')
export class LiveChatSearch extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, searchStyles];

  private readonly results = new ObserveController<SearchState | undefined>(this, undefined);
  private readonly connection = new ObserveController<ConnectionState>(this, 'online');
  /** Queries for the client's `search$`: one value per keystroke, the client debounces. */
  private readonly input$ = new BehaviorSubject<SearchInput>({ text: '' });
  /** `/` anywhere on the page (outside an editable field) focuses the field. */
  private readonly shortcut = new PageShortcutController(this, '/', () => this.focusFromShortcut());

  /** The workspace's shortcuts: while they are off, `/` does nothing either (WCAG 2.1.4). */
  @consume({ context: shortcutKeysContext, subscribe: true })
  @state()
  private shortcutKeys?: ShortcutKeys;

  @query('#input') private inputElement?: HTMLInputElement;

  @state() private text = '';
  @state() private open = false;
  @state() private activeIndex = -1;

  /**
   * The open session, if any: it sets the scope (its name and history). Without it, session
   * names are searched.
   */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this.inputElement?.focus(options);
  }

  /** Empties the field and closes the results. */
  clear(): void {
    this.setText('');
    this.open = false;
  }

  /** Whether `/` focuses the field: always alone, inside a workspace while its shortcuts work. */
  private get slashEnabled(): boolean {
    return this.shortcutKeys?.enabled !== false;
  }

  private get scope(): Id | undefined {
    return this.sessionId ? this.sessionId : undefined;
  }

  /** The `/` shortcut: focuses the field, when there is one to type in. */
  private focusFromShortcut(): boolean {
    const input = this.inputElement;
    if (!input || input.disabled || !this.slashEnabled) return false;
    input.focus();
    return true;
  }

  private onInput(event: InputEvent): void {
    this.setText((event.target as HTMLInputElement).value);
    this.open = true;
  }

  private onKeydown(event: KeyboardEvent): void {
    const hits = this.visibleHits();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (hits.length === 0) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.open) {
          this.open = true;
          this.activeIndex = down ? 0 : hits.length - 1;
          return;
        }
        const from = this.activeIndex;
        this.activeIndex = down
          ? from < 0 || from >= hits.length - 1
            ? 0
            : from + 1
          : from <= 0
            ? hits.length - 1
            : from - 1;
        return;
      }
      case 'Enter': {
        const hit = this.open ? hits[this.activeIndex] : undefined;
        if (!hit) return;
        event.preventDefault();
        this.activate(hit);
        return;
      }
      case 'Escape': {
        event.preventDefault();
        if (this.text !== '' || this.open) {
          event.stopPropagation();
          this.clear();
        } else {
          this.inputElement?.blur();
        }
        return;
      }
      default:
        return;
    }
  }

  private onFocusIn(): void {
    if (this.text.trim() !== '') this.open = true;
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && (this.renderRoot.contains(next) || this.contains(next))) return;
    this.open = false;
  }

  private onClearClick(): void {
    this.clear();
    this.inputElement?.focus();
  }

  private activate(hit: SearchHit): void {
    this.open = false;
    this.dispatchEvent(
      sessionOpenEvent(
        hit.kind === 'message'
          ? { sessionId: hit.sessionId, messageId: hit.messageId }
          : { sessionId: hit.sessionId },
      ),
    );
  }

  private setText(text: string): void {
    if (text === this.text && this.input$.value.sessionId === this.scope) return;
    this.text = text;
    this.activeIndex = -1;
    this.input$.next({ text, sessionId: this.scope });
  }

  /** The phase the user sees; results of any other query than the current one are never shown. */
  private phase(): SearchPhase {
    const queryText = this.text.trim();
    if (queryText === '') return 'idle';
    const offline = this.connection.value === 'offline' || this.connection.value === 'failed';
    const result = this.results.value;
    const current =
      result !== undefined &&
      result.text.trim() === queryText &&
      (result.sessionId || undefined) === this.scope;
    if (current && result.status === 'done') return 'done';
    if (offline) return 'offline';
    if (current && result.status === 'error') return 'error';
    return 'searching';
  }

  private visibleHits(): SearchHit[] {
    if (this.phase() !== 'done') return [];
    const hits = this.results.value?.hits ?? [];
    // Sessions first, then messages: the order they are drawn in, and the order arrows move in.
    return [
      ...hits.filter((hit) => hit.kind === 'session'),
      ...hits.filter((hit) => hit.kind === 'message'),
    ];
  }

  private failureText(): string {
    const error = this.results.value?.error;
    if (!error) return this.t('live-chat-search.error', { reason: '', message: '' }).trim();
    return this.t('live-chat-search.error', {
      reason: this.errorText(error, 'read'),
      message: error.message,
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.results.observe(this.client?.search$(this.input$));
      this.connection.observe(this.client?.connection$);
    }
    if (changed.has('sessionId') && this.input$.value.sessionId !== this.scope) {
      this.activeIndex = -1;
      this.input$.next({ text: this.text, sessionId: this.scope });
    }
    const count = this.visibleHits().length;
    if (this.activeIndex >= count) this.activeIndex = count - 1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot
        .querySelector(`#hit-${this.activeIndex}`)
        ?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  private statusText(phase: SearchPhase, count: number): string {
    switch (phase) {
      case 'searching':
        return this.t('live-chat-search.searching');
      case 'offline':
        return this.t('live-chat-search.offline');
      case 'error':
        return this.failureText();
      case 'done':
        return count === 0
          ? this.t('live-chat-search.none', { text: this.text.trim() })
          : this.t('live-chat-search.count', { count });
      default:
        return '';
    }
  }

  override render(): TemplateResult {
    const phase = this.phase();
    const hits = this.visibleHits();
    const sessionHits = hits.filter((hit) => hit.kind === 'session');
    const messageHits = hits.filter((hit) => hit.kind === 'message');
    const popupOpen = this.open && phase !== 'idle';
    const expanded = popupOpen && hits.length > 0;
    const active = expanded && this.activeIndex >= 0 ? `hit-${this.activeIndex}` : undefined;
    const status = this.statusText(phase, hits.length);
    // The live region announces outcomes, not every "Searching…".
    const announcement = phase === 'searching' || phase === 'idle' ? '' : status;
    const results: SearchResultsView = {
      t: (key, params) => this.t(key, params),
      client: this.client,
      activeIndex: this.activeIndex,
    };
    const activate = (hit: SearchHit) => this.activate(hit);
    return html`
      <div class="root" @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}>
        <label for="input" class="visually-hidden">${this.t('live-chat-search.label')}</label>
        <div part="field" class="field">
          <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path
              d="m10.6 10.6 3.6 3.6"
              stroke="currentColor"
              stroke-width="1.5"
              stroke-linecap="round"
            />
          </svg>
          <input
            id="input"
            part="input"
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            maxlength=${MAX_SEARCH_LENGTH}
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="results"
            aria-activedescendant=${active ?? nothing}
            aria-describedby="scope"
            placeholder=${this.t(this.scope ? 'live-chat-search.placeholder.session' : 'live-chat-search.placeholder.names')}
            .value=${this.text}
            ?disabled=${!this.client}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
          ${
            this.text
              ? html`<button
                  part="clear-button"
                  class="clear"
                  type="button"
                  tabindex="-1"
                  aria-label=${this.t('live-chat-search.clear')}
                  @click=${this.onClearClick}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path
                      d="m4 4 8 8M12 4l-8 8"
                      stroke="currentColor"
                      stroke-width="1.6"
                      stroke-linecap="round"
                    />
                  </svg>
                </button>`
              : this.slashEnabled
                ? html`<kbd class="shortcut" aria-hidden="true">/</kbd>`
                : nothing
          }
        </div>
        <span id="scope" class="visually-hidden"
          >${this.client ? this.t(this.scope ? 'live-chat-search.scope.session' : 'live-chat-search.scope.names') : this.t('live-chat-search.no-client')}</span
        >
        <div
          part="popup"
          class="popup"
          ?hidden=${!popupOpen}
          aria-busy=${phase === 'searching' ? 'true' : 'false'}
          tabindex=${expanded ? '0' : nothing}
        >
          <p part="status" class="status ${phase}">${status}</p>
          <div
            id="results"
            part="results"
            role="listbox"
            aria-label=${this.t('live-chat-search.results')}
            ?hidden=${!expanded}
          >
            ${renderHitGroup('session', sessionHits, 0, results, activate)}
            ${renderHitGroup('message', messageHits, sessionHits.length, results, activate)}
          </div>
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-search': LiveChatSearch;
  }
}
