import { html, nothing, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  channelLabel,
  type ConnectionState,
  type Customer,
  type CustomerState,
  type Id,
  type LiveChatClient,
} from '@live-chat/core';
import { avatarSource, type AvatarOptions } from '../../shared/avatar.js';
import { avatarContext } from '../../shared/client-context.js';
import { clientStream } from '../../controllers/client-streams.js';
import { customerStream } from '../../controllers/session-streams.js';
import { clamped } from '../../shared/clamped-text.js';
import { displayUrl } from '../../shared/untrusted-url.js';
import { channelIcon } from '../../shared/channel-icon.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { customerCardStyles } from './customer-card.styles.js';

/**
 * Only absolute http(s) URLs become profile links: `javascript:` and other schemes never do, nor
 * do relative ones (a same-origin request the customer's record should not be able to aim).
 */
function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * "Olga Testova" → "OT"; one word gives one letter. Only letters and digits count: marks,
 * symbols and invisible controls (a right-to-left override) are skipped.
 */
function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}][^\s]*/gu) ?? [];
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => word?.match(/[\p{L}\p{N}]/u)?.[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * What the card shows of the session's customer: `loaded` (the card), `loading`, `unavailable`
 * (the backend has no such customer the user may see), `failed` (the read failed: Try again) or
 * `offline` (the client loads it when the connection is back).
 */
export type CustomerCardPhase = 'loaded' | 'loading' | 'unavailable' | 'failed' | 'offline';

/**
 * The customer of a session: an internal user (avatar, name, a link to their profile) or an
 * external customer (avatar, name, account and messenger), with "Add to customers" when the
 * host has a customer database (`customerDirectory`) and the customer is not in it yet. Names
 * and accounts are rendered as text, isolated and cut to one line (whole in their tooltips);
 * only absolute http(s) URLs become links. Avatars load only from absolute `https:` URLs
 * (`http:` where the host allows it), after the host's rewrite, without a referrer: initials
 * otherwise, or when the image fails to load (see {@link AvatarOptions}).
 * A part of `<live-chat-about-session>`, usable alone.
 *
 * **Customers on demand**: a snapshot need not carry customers, so the card reads the
 * session's customer through `client.customer$` (which loads it) and says where it stands, in
 * a polite live region (`customer-state`): loading; not available to the user; not loaded,
 * with the reason and a Try again button (`client.loadCustomers`); or offline, loaded again
 * by the client when the connection is back.
 *
 * @summary The customer of a session, with "Add to customers".
 *
 * @csspart customer - The customer card.
 * @csspart avatar - The customer's avatar (image or initials).
 * @csspart customer-name - The customer's name.
 * @csspart profile-link - The link to an internal user's profile.
 * @csspart channel-icon - The customer's messenger icon.
 * @csspart account - An external customer's account.
 * @csspart messenger - An external customer's messenger.
 * @csspart in-customers - The note that the customer is already in the host's database.
 * @csspart add-customer-button - "Add to customers".
 * @csspart feedback - The outcome of "Add to customers".
 * @csspart customer-state - Where the customer stands while not shown: loading, unavailable, failed or offline (empty once shown).
 * @csspart customer-retry - "Try again", after the customer could not be loaded.
 *
 * @cssprop --live-chat-customer-card-avatar-size - Size of the avatar (`--live-chat-about-session-avatar-size`, else 40px).
 */
@customElement('live-chat-customer-card')
export class LiveChatCustomerCard extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, customerCardStyles];

  /** Where the client stands on the session's customer; subscribing loads it. */
  private readonly customerState = customerStream(this, () => this.view.value?.session.customerId);
  private readonly connection = clientStream(this, (client) => client.connection$, 'connecting');

  /** Avatar URLs that failed to load: initials instead. */
  @state() private brokenAvatars: ReadonlySet<string> = new Set();

  /**
   * How avatars load: the host's URL rewrite and whether `http:` is allowed. Inside
   * `<live-chat-workspace>` it comes from the workspace's `avatarUrl` and `allow-http-avatars`.
   */
  @consume({ context: avatarContext, subscribe: true })
  @property({ attribute: false })
  avatars: AvatarOptions = {};

  private async onAddCustomer(customer: Customer): Promise<void> {
    const client = this.client;
    if (!client || this.busy.has('customer')) return;
    this.setBusy('customer', true);
    const result = await client.addCustomerToDatabase(customer.id);
    this.setBusy('customer', false);
    this.setFeedback(
      'customer',
      result.ok
        ? {
            kind: 'notice',
            text: this.t('about-session.addedToCustomers', { name: customer.name }),
          }
        : { kind: 'error', text: this.errorText(result.error) },
    );
    // On success the button goes away: the confirmation is the nearest place for focus.
    if (result.ok) this.focusFeedbackSoon('customer');
  }

  /** Try again: reads the customer again; focus stays on the card while the button goes. */
  private onRetry(customerId: Id): void {
    this.client?.loadCustomers([customerId]);
    this.focusAfterUpdate.focus(() => this.renderRoot.querySelector<HTMLElement>('.customer-card'));
  }

  private onAvatarError(url: string): void {
    this.brokenAvatars = new Set(this.brokenAvatars).add(url);
  }

  /** What to show while the customer is not: see {@link CustomerCardPhase}. */
  private phaseOf(state: CustomerState | null, connection: ConnectionState): CustomerCardPhase {
    if (state?.status === 'loaded') return 'loaded';
    if (state?.status === 'unavailable') return 'unavailable';
    if (connection === 'offline' || connection === 'failed') return 'offline';
    if (state?.status === 'failed') return state.error.code === 'OFFLINE' ? 'offline' : 'failed';
    return 'loading';
  }

  private renderAvatar(customer: Customer | undefined, name: string): TemplateResult {
    const url =
      customer && avatarSource(customer.avatarUrl, { id: customer.id, name }, this.avatars);
    if (url && !this.brokenAvatars.has(url)) {
      return html`<img
        class="avatar"
        part="avatar"
        src=${url}
        alt=${this.t('about-session.avatarOf', { name })}
        width="40"
        height="40"
        referrerpolicy="no-referrer"
        @error=${() => this.onAvatarError(url)}
      />`;
    }
    return html`<span class="avatar" part="avatar" aria-hidden="true">${initialsOf(name)}</span>`;
  }

  private renderExternalDetails(customer: Customer): TemplateResult | typeof nothing {
    if (customer.kind !== 'external') return nothing;
    return html`<dl>
      <div>
        <dt>${this.t('about-session.account')}</dt>
        <dd part="account">${clamped(customer.account)}</dd>
      </div>
      <div>
        <dt>${this.t('about-session.messenger')}</dt>
        <dd class="messenger" part="messenger">
          ${channelIcon(customer.messenger, { decorative: true })}${clamped(
            channelLabel(customer.messenger),
          )}
        </dd>
      </div>
    </dl>`;
  }

  /** The customer's name, profile link, account and messenger, and whether they are in the host's database. */
  private renderDetails(customer: Customer, client: LiveChatClient): TemplateResult {
    const { name } = customer;
    return html`<p class="customer-name" part="customer-name">${clamped(name)}</p>
      ${
        customer.kind === 'internal' && isHttpUrl(customer.profileUrl)
          ? html`<a
              class="profile-link"
              part="profile-link"
              href=${customer.profileUrl}
              title=${displayUrl(customer.profileUrl)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label=${this.t('about-session.profileLabel', { name })}
              >${this.t('about-session.profile')}</a
            >`
          : nothing
      }
      ${this.renderExternalDetails(customer)}
      ${
        customer.kind === 'external' && customer.inHostDatabase && client.hasCustomerDirectory
          ? html`<p class="muted" part="in-customers">${this.t('about-session.inCustomers')}</p>`
          : nothing
      }`;
  }

  /** Where the customer stands while not shown (empty once it is): a polite live region. */
  private stateText(phase: CustomerCardPhase, state: CustomerState | null): string {
    switch (phase) {
      case 'loading':
        return this.t('about-session.customerLoading');
      case 'unavailable':
        return this.t('about-session.customerUnavailable');
      case 'offline':
        return this.t('about-session.customerOffline');
      case 'failed':
        return state?.status === 'failed'
          ? this.t('about-session.customerFailed', {
              reason: this.errorText(state.error, 'read'),
              message: state.error.message,
            })
          : '';
      default:
        return '';
    }
  }

  /** The "Add to customers" button, for an external customer the host's database lacks. */
  private renderAddButton(
    customer: Customer | undefined,
    client: LiveChatClient,
    readOnly: boolean,
  ): TemplateResult | typeof nothing {
    const external = customer?.kind === 'external' ? customer : undefined;
    if (!client.hasCustomerDirectory || !external || external.inHostDatabase) return nothing;
    return html`<div class="customer-actions">
      <button
        class="button"
        part="add-customer-button"
        type="button"
        aria-describedby=${ifDefined(this.describedBy(readOnly))}
        ?disabled=${readOnly}
        aria-busy=${this.busy.has('customer') ? 'true' : 'false'}
        @click=${() => this.onAddCustomer(external)}
      >
        ${this.t('about-session.addToCustomers')}
      </button>
    </div>`;
  }

  /** @internal */
  protected override renderPart({ view, client, readOnly }: PartContext): TemplateResult {
    const state = this.customerState.value;
    const customer = view.customer ?? (state?.status === 'loaded' ? state.customer : undefined);
    const phase = customer ? 'loaded' : this.phaseOf(state, this.connection.value);
    const { customerId } = view.session;
    const heading =
      customer?.kind === 'internal'
        ? this.t('about-session.internalUser')
        : customer?.kind === 'external'
          ? this.t('about-session.externalCustomer')
          : this.t('about-session.customer');
    // One template for every phase, so the card (focused after Try again) stays in place.
    return html`
      <section
        part="customer"
        aria-labelledby="customer-title"
        aria-busy=${phase === 'loading' ? 'true' : 'false'}
      >
        <h3 id="customer-title">${heading}</h3>
        <div class="customer-card" tabindex="-1">
          ${
            customer
              ? this.renderAvatar(customer, customer.name)
              : html`<span class="avatar" part="avatar" aria-hidden="true"></span>`
          }
          <div>
            ${
              customer
                ? this.renderDetails(customer, client)
                : phase === 'unavailable'
                  ? html`<p class="customer-name" part="customer-name">
                      ${this.t('about-session.unknownCustomer')}
                    </p>`
                  : nothing
            }
            <p class="customer-state ${phase}" part="customer-state" role="status">
              ${this.stateText(phase, state)}
            </p>
            ${
              phase === 'failed'
                ? html`<button
                    class="button"
                    part="customer-retry"
                    type="button"
                    @click=${() => this.onRetry(customerId)}
                  >
                    ${this.t('about-session.customerRetry')}
                  </button>`
                : nothing
            }
          </div>
        </div>
        ${this.renderAddButton(customer, client, readOnly)} ${this.renderFeedback('customer')}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-customer-card': LiveChatCustomerCard;
  }
}
