import { consume } from '@lit/context';
import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ErrorInfo, LiveChatClient } from '@live-chat/core';
import {
  DEFAULT_LOCALE,
  translate,
  type MessageKey,
  type MessageParams,
} from '../i18n/catalogue.js';
import { clientContext, localeContext } from './client-context.js';
import { errorText, type ErrorSubject } from './error-text.js';
import { isolatedMessage, type ShownText } from './untrusted-text.js';

/**
 * Base of every component: the client (from `<live-chat-workspace>` through context, or set
 * directly with the `client` property), the locale (likewise, or the `locale` attribute) and
 * the `theme` attribute.
 */
export class LiveChatElement extends LitElement {
  /** The workspace client. Provided by `<live-chat-workspace>`; set it yourself when using the component alone. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: LiveChatClient;

  /** UI language ('en', 'ru' or any registered locale). Inherited from the workspace when inside one. */
  @consume({ context: localeContext, subscribe: true })
  @property({ reflect: true })
  locale: string = DEFAULT_LOCALE;

  /** Colour theme: 'light' (default) or 'dark'. */
  @property({ reflect: true })
  theme: 'light' | 'dark' = 'light';

  /** A text from the message catalogue in the current locale; only built-in keys type-check. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /**
   * A catalogue text whose string parameters are names and labels from users, customers or the
   * host: each shown in a `<bdi>` of its own by `show` (`isolated` by default, or `clamped`).
   */
  protected tIsolated(
    key: MessageKey,
    params: MessageParams,
    show?: (text: string) => TemplateResult,
  ): ShownText {
    return isolatedMessage((k, p) => this.t(k, p), key, params, show);
  }

  /** The sentence for a typed error in the current locale (see {@link errorText}). */
  protected errorText(error: ErrorInfo, subject?: ErrorSubject): string {
    return errorText(error, this.locale, subject);
  }
}
