import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../i18n/catalogue.js';

/** What the templates of both reports are given besides the report itself. */
export interface ReportView {
  locale: string;
  t: Translate;
  /** The name of the live chat reported on (a placeholder with its id when it is unknown). */
  liveChatName: string;
  /** The period as text, e.g. "1 Nov 2026 – 7 Nov 2026". */
  range: string;
  /** An operator's name (the id when the client does not know the user). */
  userName: (userId: string) => string;
  /** A tag's label (the id when the live chat does not offer it any more). */
  tagLabel: (tagId: string) => string;
}

/** How a "How is this computed?" disclosure is shown. */
export interface FormulaOptions {
  /** The figure is a duration: the note on "—" (nothing to average) follows the formula. */
  duration?: boolean;
  /**
   * Show the figure's name in the summary (a list of formulas under a table); otherwise the name
   * is only read out, the disclosure sitting beside its figure.
   */
  named?: boolean;
}

/** A "How is this computed?" disclosure for `figure`, explained by the text `formulaKey`. */
export function renderFormula(
  t: Translate,
  figure: string,
  formulaKey: MessageKey,
  { duration = false, named = false }: FormulaOptions = {},
): TemplateResult {
  return html`<details part="formula" class="formula">
    <summary>
      ${
        named
          ? t('live-chat-reports.how-for', { figure })
          : html`${t('live-chat-reports.how')}<span class="visually-hidden"> (${figure})</span>`
      }
    </summary>
    <p>${t(formulaKey)}${duration ? html` ${t('live-chat-reports.no-average')}` : nothing}</p>
  </details>`;
}
