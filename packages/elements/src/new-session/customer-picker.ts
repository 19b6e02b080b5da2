import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Customer, Id } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { formatNumber } from '../shared/format.js';
import { isolated } from '../shared/untrusted-text.js';

/**
 * The customer picker of the New Session dialog, as a template: a search box over a list of
 * radio buttons, the count of matches, and the error when the user tried to start without a
 * customer. It holds no state: the dialog passes what to show and what to call.
 */

/** Most customers listed at once; the search narrows the rest. */
const MAX_LISTED = 100;

/** What the picker shows. */
export interface CustomerPickerView {
  t: Translate;
  locale: string;
  customers: readonly Customer[];
  query: string;
  customerId: Id | undefined;
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
}

/** The customers whose name or account contains the query (all of them for an empty one). */
export function matchingCustomers(customers: readonly Customer[], query: string): Customer[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...customers];
  return customers.filter((customer) => {
    const account = customer.kind === 'external' ? customer.account : '';
    return (
      customer.name.toLocaleLowerCase().includes(needle) ||
      account.toLocaleLowerCase().includes(needle)
    );
  });
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
      .checked=${customer.id === view.customerId}
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
  const sessionId = view.customerId && view.openSessions.get(view.customerId);
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

/** The count under the list: how many match, or how many of them are listed. */
function matchesHint(view: CustomerPickerView, matches: number): string | typeof nothing {
  const { t, locale } = view;
  if (matches > MAX_LISTED) {
    return t('new-session.customer-more', {
      shown: formatNumber(MAX_LISTED, locale),
      count: formatNumber(matches, locale),
    });
  }
  return view.query ? t('new-session.customer-count', { count: matches }) : nothing;
}

/** The customer fieldset; the search box is focused when the dialog opens (`autofocus`). */
export function renderCustomerPicker(
  view: CustomerPickerView,
  actions: CustomerPickerActions,
): TemplateResult {
  const { t } = view;
  const matches = matchingCustomers(view.customers, view.query);
  const shown = matches.slice(0, MAX_LISTED);
  // Keep the chosen customer visible even when the search no longer matches it.
  const chosen = view.customerId ? view.customers.find((c) => c.id === view.customerId) : undefined;
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  const empty =
    view.customers.length === 0
      ? t('new-session.no-customers')
      : t('new-session.no-match', { query: view.query });
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
      .value=${view.query}
      @input=${(e: Event) => actions.search((e.target as HTMLInputElement).value)}
    />
    <div id="customers" part="customers" class="customers">
      ${repeat(
        shown,
        (customer) => customer.id,
        (customer) => renderCustomer(customer, view, actions),
      )}
      ${shown.length === 0 ? html`<p class="empty">${empty}</p>` : nothing}
    </div>
    <p class="hint" role="status">${matchesHint(view, matches.length)}</p>
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
