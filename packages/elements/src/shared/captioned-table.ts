import { html, nothing, type TemplateResult } from 'lit';

/** What a captioned table carries besides its part, caption, headers and rows. */
export interface CaptionedTableOptions {
  /** The table's `class`. */
  className?: string;
  /** The live chat the table is about, as `data-live-chat-id`. */
  liveChatId?: string;
}

/**
 * A data table with its caption and a header row of column headers (`scope="col"`): what the
 * monitor, the reports and the shortcuts help show. Rows are given whole (a row header with
 * `scope="row"` first in each).
 */
export function renderCaptionedTable(
  part: string,
  caption: unknown,
  headers: readonly string[],
  rows: unknown,
  { className, liveChatId }: CaptionedTableOptions = {},
): TemplateResult {
  return html`<table
    part=${part}
    class=${className ?? nothing}
    data-live-chat-id=${liveChatId ?? nothing}
  >
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((header) => html`<th scope="col">${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
