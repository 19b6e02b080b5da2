import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { tokens } from '../styles/tokens.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { alertSettingsChangedEvent } from '../events/alert-settings-changed.js';
import { alertSettingsChangeEvent } from '../events/former-names.js';
import {
  AlertsController,
  type AlertsEnvironment,
  type DesktopPermission,
} from '../controllers/alerts/alerts-controller.js';
import {
  ALERT_SETTINGS_STORAGE_KEY,
  type AlertSettings,
} from '../controllers/alerts/alert-settings-store.js';
import { alertSettingsStyles } from './alert-settings.styles.js';
import './alert-settings.messages.js';

type SwitchName = keyof AlertSettings;

/**
 * Three switches for the alerts of incoming messages: sound, desktop notifications and the
 * count in the page title. Settings are stored in `localStorage` and shared with the
 * {@link AlertsController} that plays them (the workspace's, when given as `controller`; else
 * one of its own on the same `storage-key`).
 *
 * Switching desktop notifications on is the one place the browser's permission is asked (a
 * click is a user gesture); when the browser has blocked them the switch stays off and says so.
 * Switching sound on plays the beep once, which also unlocks audio for later alerts.
 *
 * Each switch is a `<button role="switch">` (Space / Enter / click toggle it) named by its label
 * and described by its explanation.
 *
 * @summary Sound, desktop notification and title badge switches for new-message alerts.
 *
 * @fires live-chat-alert-settings-changed - A setting changed; `detail` is the whole new {@link AlertSettings}.
 * @fires live-chat-alert-settings-change - Deprecated former name of `live-chat-alert-settings-changed`, dispatched right after it until the next release.
 *
 * @csspart base - The group of switches.
 * @csspart heading - The group's heading.
 * @csspart setting - One row (label, description, switch).
 * @csspart label - A setting's name.
 * @csspart description - A setting's explanation (the desktop one also says when the browser blocks notifications).
 * @csspart switch - The `role="switch"` button.
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 *
 * @cssprop --live-chat-alert-settings-switch-on - Track colour when on (default the accent).
 * @cssprop --live-chat-alert-settings-switch-off - Track colour when off (default the muted token).
 */
@customElement('live-chat-alert-settings')
export class LiveChatAlertSettings extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, alertSettingsStyles];

  @state() private settings: AlertSettings | undefined;
  @state() private permission: DesktopPermission = 'default';
  @state() private requesting = false;

  /** The alerts controller that plays the alerts (e.g. the workspace's). Without one the element keeps its own. */
  @property({ attribute: false })
  controller?: AlertsController;

  /** `localStorage` key of the settings, when the element keeps its own controller. */
  @property({ attribute: 'storage-key' })
  storageKey = ALERT_SETTINGS_STORAGE_KEY;

  /** Replacement browser environment (Notification, storage…) for the element's own controller; for tests. */
  @property({ attribute: false })
  environment?: Partial<AlertsEnvironment>;

  /** `aria-level` of the heading; `0` hides it (the group keeps its accessible name). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  private ownController: AlertsController | undefined;
  /** What the own controller was built from: it is rebuilt when these change. */
  private ownBuiltFrom:
    { environment: Partial<AlertsEnvironment> | undefined; storageKey: string } | undefined;
  private boundController: AlertsController | undefined;
  private unlisten: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
  }

  /** The controller in use: the given one, or the element's own. */
  private get effectiveController(): AlertsController {
    if (this.controller) return this.controller;
    const stale =
      this.ownBuiltFrom?.environment !== this.environment ||
      this.ownBuiltFrom?.storageKey !== this.storageKey;
    if (!this.ownController || stale) {
      if (this.ownController && this.boundController === this.ownController) this.unbind();
      this.ownController = new AlertsController(null, {
        environment: this.environment,
        storageKey: this.storageKey,
        locale: () => this.locale,
      });
      this.ownBuiltFrom = { environment: this.environment, storageKey: this.storageKey };
    }
    return this.ownController;
  }

  private bind(): void {
    const controller = this.effectiveController;
    if (controller === this.boundController) return;
    this.unbind();
    this.boundController = controller;
    if (controller === this.ownController) controller.connect();
    this.unlisten = controller.onSettingsChange((settings) => {
      this.settings = settings;
      this.permission = controller.desktopPermission;
    });
    this.settings = controller.settings;
    this.permission = controller.desktopPermission;
  }

  private unbind(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    if (this.boundController && this.boundController === this.ownController)
      this.boundController.disconnect();
    this.boundController = undefined;
  }

  private changed(settings: AlertSettings): void {
    this.settings = settings;
    this.dispatchEvent(alertSettingsChangedEvent(settings));
    this.dispatchEvent(alertSettingsChangeEvent(settings)); // the deprecated name, for one release
  }

  private async toggle(name: SwitchName): Promise<void> {
    const controller = this.effectiveController;
    const current = this.isOn(name);
    if (name === 'desktop') {
      if (current) {
        this.changed(controller.setSettings({ desktop: false }));
        return;
      }
      if (this.permission === 'unsupported' || this.requesting) return;
      this.requesting = true;
      try {
        this.permission = await controller.enableDesktop();
      } finally {
        this.requesting = false;
      }
      this.changed(controller.settings);
      return;
    }
    const settings = controller.setSettings({ [name]: !current });
    if (name === 'sound' && settings.sound) controller.previewSound();
    this.changed(settings);
  }

  private isOn(name: SwitchName): boolean {
    const settings = this.settings;
    if (!settings) return false;
    if (name === 'desktop') return settings.desktop && this.permission === 'granted';
    return settings[name];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('controller') || changed.has('environment') || changed.has('storageKey')) &&
      this.isConnected
    ) {
      this.bind();
    }
  }

  private desktopDescription(): { text: string; warning: boolean } {
    switch (this.permission) {
      case 'unsupported':
        return { text: this.t('alert-settings.desktop.unsupported'), warning: false };
      case 'denied':
        return { text: this.t('alert-settings.desktop.denied'), warning: true };
      case 'default':
        return { text: this.t('alert-settings.desktop.ask'), warning: false };
      default:
        return { text: this.t('alert-settings.desktop.description'), warning: false };
    }
  }

  private renderSetting(
    name: SwitchName,
    label: string,
    description: { text: string; warning: boolean },
  ) {
    const on = this.isOn(name);
    const unavailable =
      name === 'desktop' && (this.permission === 'unsupported' || this.requesting);
    return html`<div part="setting" class="setting">
      <span part="label" class="label" id="${name}-label">${label}</span>
      <span
        part="description"
        class="description ${description.warning ? 'warning' : ''}"
        id="${name}-description"
        role=${name === 'desktop' ? 'status' : nothing}
        >${description.text}</span
      >
      <button
        part="switch"
        class="switch"
        type="button"
        role="switch"
        data-setting=${name}
        aria-checked=${on ? 'true' : 'false'}
        aria-disabled=${unavailable ? 'true' : nothing}
        aria-labelledby="${name}-label"
        aria-describedby="${name}-description"
        @click=${() => void this.toggle(name)}
      >
        <span part="track" class="track" aria-hidden="true"
          ><span part="thumb" class="thumb"></span
        ></span>
      </button>
    </div>`;
  }

  override render() {
    return html`<div part="base" class="base" role="group" aria-labelledby="heading">
      <div
        part="heading"
        class=${this.headingLevel > 0 ? 'heading' : 'heading visually-hidden'}
        id="heading"
        role=${this.headingLevel > 0 ? 'heading' : nothing}
        aria-level=${this.headingLevel > 0 ? this.headingLevel : nothing}
      >
        ${this.t('alert-settings.heading')}
      </div>
      ${this.renderSetting('sound', this.t('alert-settings.sound'), {
        text: this.t('alert-settings.sound.description'),
        warning: false,
      })}
      ${this.renderSetting('desktop', this.t('alert-settings.desktop'), this.desktopDescription())}
      ${this.renderSetting('titleBadge', this.t('alert-settings.title-badge'), {
        text: this.t('alert-settings.title-badge.description'),
        warning: false,
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-alert-settings': LiveChatAlertSettings;
  }
}
