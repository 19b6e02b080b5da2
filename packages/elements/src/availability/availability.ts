import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  AVAILABILITIES,
  type Availability,
  type ErrorInfo,
  type Presence,
  type User,
} from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import { formatTime } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { fieldStyles, tokens } from '../styles/tokens.js';
import { availabilityStyles } from './availability.styles.js';
import './availability.messages.js';

/**
 * @summary The signed-in user's availability (Online, Away, Offline), shown and chosen in a
 * labelled select, live from the client's `presence$`.
 *
 * The status is said in words (the select's option, "Away (idle)" when the workspace set it
 * while the user was idle); the dot beside it only repeats it, with a different shape per
 * status for those who cannot tell the colours apart. Choosing a status calls
 * `client.setAvailability(status)`: a status the user chose is never overridden by auto-away.
 *
 * @csspart base - The wrapper (`data-status` holds the status).
 * @csspart dot - The status dot (filled: online; ring: away; dashed ring: offline).
 * @csspart select - The status select.
 * @csspart error - The message shown when the status could not be changed.
 *
 * @cssprop --live-chat-availability-online - Colour of the online dot (default the success colour).
 * @cssprop --live-chat-availability-away - Colour of the away ring (default the warning colour).
 * @cssprop --live-chat-availability-offline - Colour of the offline ring (default the muted colour).
 */
@customElement('live-chat-availability')
export class LiveChatAvailability extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, fieldStyles, availabilityStyles];

  private readonly me = clientStream(this, (client) => client.me$, null as User | null);
  /** Re-renders on every presence change; the user's own is read with `getPresence`. */
  private readonly presence = clientStream(this, (client) => client.presence$, undefined);

  /** Why the last change was refused, until the next one. */
  @state() private error: ErrorInfo | undefined;

  /** The user's presence now (online while nothing else is known). */
  get current(): Presence | undefined {
    const me = this.me.value;
    return me && this.client ? this.client.getPresence(me.id) : undefined;
  }

  private async choose(event: Event): Promise<void> {
    const status = (event.target as HTMLSelectElement).value as Availability;
    const client = this.client;
    if (!client) return;
    this.error = undefined;
    const result = await client.setAvailability(status);
    if (!result.ok) this.error = result.error;
  }

  private optionText(status: Availability, presence: Presence | undefined): string {
    return status === 'away' && presence?.status === 'away' && presence.auto
      ? this.t('availability.away-auto')
      : this.t(`availability.${status}`);
  }

  override render() {
    const presence = this.current;
    const status = presence?.status ?? 'online';
    const statusText = this.optionText(status, presence);
    const since = presence?.since
      ? this.t('availability.since', {
          status: statusText,
          time: formatTime(presence.since, this.locale),
        })
      : statusText;
    const title = presence?.auto ? `${since}. ${this.t('availability.auto-hint')}` : since;
    return html`<span part="base" class="base" data-status=${status}>
      <span part="dot" class="dot" aria-hidden="true"></span>
      <label for="status" class="visually-hidden">${this.t('availability.label')}</label>
      <select
        id="status"
        part="select"
        title=${title}
        ?disabled=${!presence}
        .value=${live(status)}
        @change=${this.choose}
      >
        ${AVAILABILITIES.map(
          (option) =>
            html`<option value=${option} ?selected=${option === status}>
              ${this.optionText(option, presence)}
            </option>`,
        )}
      </select>
      ${
        this.error
          ? html`<span part="error" class="error" role="alert"
              >${this.t('availability.error', { reason: this.errorText(this.error) })}</span
            >`
          : nothing
      }
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-availability': LiveChatAvailability;
  }
}
