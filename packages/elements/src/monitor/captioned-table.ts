import { html, nothing, type TemplateResult } from 'lit';

/**
 * A data table with its caption and a header row of column headers (`scope="col"`): what the
 * monitor and the shortcuts help show. Rows are given whole (a row header with `scope="row"`
 * first in each).
 */
export function renderCaptionedTable(
  part: string,
  caption: unknown,
  headers: readonly string[],
  rows: unknown,
  liveChatId?: string,
): TemplateResult {
  return html`<table part=${part} data-live-chat-id=${liveChatId ?? nothing}>
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
