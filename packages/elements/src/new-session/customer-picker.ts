import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MAX_SEARCH_LENGTH, type Customer, type Id } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { formatNumber } from '../shared/format.js';
import { isolated } from '../shared/untrusted-text.js';

/**
 * The customer picker of the New Session dialog, as a template: a search box over a list of
 * radio buttons, where the backend's search stands (searching, failed with Try again, offline),
 * the count of matches, and the error when the user tried to start without a customer. It holds
 * no state: the dialog searches (see `customer-search.ts`) and passes what to show and what to
 * call.
 */

/**
 * Where the search for the text in the box stands: `searching` (the customers of the last text
 * stay listed meanwhile, the list busy), `done`, `error` (Try again) or `offline` (searched again
 * when the connection is back).
 */
export type CustomerPickerPhase = 'searching' | 'done' | 'error' | 'offline';

/** What the picker shows. */
export interface CustomerPickerView {
  t: Translate;
  locale: string;
  phase: CustomerPickerPhase;
  /** The customers found for the text (while `searching`, those found for the last one). */
  customers: readonly Customer[];
  /** Most customers a search answers: as many found means there may be more. */
  limit: number;
  /** Why the search failed, in words (phase `error`). */
  failure: string | undefined;
  query: string;
  /** The chosen customer: listed first while the search does not find them. */
  chosen: Customer | undefined;
  /** The user tried to start without a customer. */
  missing: boolean;
  /** Each customer's open session in this live chat, among those the user sees. */
  openSessions: ReadonlyMap<Id, Id>;
}

/** What the picker calls. */
export interface CustomerPickerActions {
  search: (query: string) => void;
  pick: (customer: Customer) => void;
  /** Opens the chosen customer's open session instead of starting another. */
  openExisting: (sessionId: Id) => void;
  /** Searches the same text again after a failure. */
  retry: () => void;
}

function renderCustomer(
  customer: Customer,
  view: CustomerPickerView,
  actions: CustomerPickerActions,
): TemplateResult {
  const secondary =
    customer.kind === 'external'
      ? html`<span class="customer-account" title=${customer.account}
            >${isolated(customer.account)}</span
          >${channelIcon(customer.messenger)}`
      : html`<span class="customer-account">${view.t('new-session.internal')}</span>`;
  return html`<label part="customer" class="customer">
    <input
      type="radio"
      name="customer"
      .value=${customer.id}
      .checked=${customer.id === view.chosen?.id}
      @change=${() => actions.pick(customer)}
    />
    <span class="customer-name" title=${customer.name}>${isolated(customer.name)}</span>
    ${
      view.openSessions.has(customer.id)
        ? html`<span part="has-open" class="has-open">${view.t('new-session.has-open')}</span>`
        : nothing
    }
    ${secondary}
  </label>`;
}

/** The chosen customer's open session here, with the way to it instead of a second one. */
function renderChosenOpen(
  view: CustomerPickerView,
  actions: CustomerPickerActions,
): TemplateResult | typeof nothing {
  const sessionId = view.chosen && view.openSessions.get(view.chosen.id);
  if (!sessionId) return nothing;
  return html`<div part="chosen-open" class="chosen-open">
    <span>${view.t('new-session.chosen-has-open')}</span>
    <button
      type="button"
      part="open-chosen"
      class="button"
      @click=${() => actions.openExisting(sessionId)}
    >
      ${view.t('new-session.open-existing')}
    </button>
  </div>`;
}

/** What the polite live region under the list says: how many match, once the search is done. */
function matchesHint(view: CustomerPickerView): string | typeof nothing {
  const { t, locale } = view;
  if (view.phase !== 'done') return nothing;
  const matches = view.customers.length;
  if (matches >= view.limit) {
    return t('new-session.customer-first', { shown: formatNumber(matches, locale) });
  }
  return view.query.trim() ? t('new-session.customer-count', { count: matches }) : nothing;
}

/** Inside the list when the search lists nobody: searching, or nothing found. */
function renderEmpty(view: CustomerPickerView): TemplateResult | typeof nothing {
  const { t } = view;
  if (view.phase === 'searching') return html`<p class="empty">${t('new-session.searching')}</p>`;
  if (view.phase !== 'done') return nothing;
  return html`<p class="empty">
    ${
      view.query.trim()
        ? t('new-session.no-match', { query: view.query.trim() })
        : t('new-session.no-customers')
    }
  </p>`;
}

/** Under the list: a search running over the last one's rows, a failed search or being offline. */
function renderSearchState(
  view: CustomerPickerView,
  actions: CustomerPickerActions,
  listed: number,
): TemplateResult | typeof nothing {
  const { t } = view;
  switch (view.phase) {
    case 'searching':
      // Over no row, the list itself says it (renderEmpty).
      return listed > 0
        ? html`<p class="search-state" part="search-state">${t('new-session.searching')}</p>`
        : nothing;
    case 'offline':
      return html`<p class="search-state" part="search-state" role="alert">
        ${t('new-session.search-offline')}
      </p>`;
    case 'error':
      return html`<div class="search-state failed" part="search-state">
        <p role="alert">${view.failure}</p>
        <button type="button" part="search-retry" class="button" @click=${actions.retry}>
          ${t('new-session.search-retry')}
        </button>
      </div>`;
    default:
      return nothing;
  }
}

/** The customer fieldset; the search box is focused when the dialog opens (`autofocus`). */
export function renderCustomerPicker(
  view: CustomerPickerView,
  actions: CustomerPickerActions,
): TemplateResult {
  const { t, chosen } = view;
  const listed = view.phase === 'done' || view.phase === 'searching' ? view.customers : [];
  // Keep the chosen customer visible even when the search no longer finds them.
  const shown =
    chosen && !listed.some((customer) => customer.id === chosen.id) ? [chosen, ...listed] : listed;
  return html`<fieldset aria-describedby=${view.missing ? 'customer-missing' : nothing}>
    <legend id="customer-legend">${t('new-session.customer')}</legend>
    <input
      type="search"
      part="search"
      autofocus
      aria-label=${t('new-session.customer-search')}
      placeholder=${t('new-session.customer-search')}
      aria-controls="customers"
      autocomplete="off"
      maxlength=${MAX_SEARCH_LENGTH}
      .value=${view.query}
      @input=${(e: Event) => actions.search((e.target as HTMLInputElement).value)}
    />
    <div
      id="customers"
      part="customers"
      class="customers"
      aria-busy=${view.phase === 'searching' ? 'true' : 'false'}
    >
      ${repeat(
        shown,
        (customer) => customer.id,
        (customer) => renderCustomer(customer, view, actions),
      )}
      ${listed.length === 0 ? renderEmpty(view) : nothing}
    </div>
    ${renderSearchState(view, actions, listed.length)}
    <p class="hint" role="status">${matchesHint(view)}</p>
    ${renderChosenOpen(view, actions)}
    ${
      view.missing
        ? html`<p id="customer-missing" class="error" part="error" role="alert">
            ${t('new-session.pick-customer')}
          </p>`
        : nothing
    }
  </fieldset>`;
}
