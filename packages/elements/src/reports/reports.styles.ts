import { css } from 'lit';

export const reportsStyles = css`
  :host {
    display: block;
    --_reports-bg: var(--live-chat-reports-background, var(--_bg));
    --_reports-bar: var(--live-chat-reports-bar-color, var(--_accent));
    --_reports-grid: var(--live-chat-reports-grid-color, var(--_border));
    --_reports-table-stripe: var(--live-chat-reports-table-stripe, var(--_surface));
    --_reports-tab-indicator: var(--live-chat-reports-tab-indicator, var(--_accent));
    background: var(--_reports-bg);
  }
  .reports {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 3px solid transparent;
    background: transparent;
    color: var(--_muted);
    font-weight: 600;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_text);
    border-bottom-color: var(--_reports-tab-indicator);
  }
  [role='tab']:hover {
    color: var(--_text);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field label {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .message {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .message.error,
  .range-error {
    color: var(--_danger);
  }
  .range-error {
    flex-basis: 100%;
    margin: 0;
  }
  .message.offline {
    color: var(--_warning);
  }
  .message .button {
    margin-inline-start: var(--_space);
  }
  .panel:focus-visible {
    outline-offset: 4px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    padding-bottom: var(--_space);
    text-align: start;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* An operator's name: one line, at most this wide, whole in its tooltip. */
  th[scope='row'] bdi.clamp {
    max-width: 16em;
  }
  th,
  td {
    padding: 6px var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
    vertical-align: bottom;
  }
  tbody tr:nth-child(even) {
    background: var(--_reports-table-stripe);
  }
  .table-wrap {
    overflow-x: auto;
  }
  .formulas {
    display: grid;
    gap: 4px;
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  details {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* A target of at least 24 × 24 px (WCAG 2.5.8). */
  summary {
    cursor: pointer;
    width: fit-content;
    min-height: 24px;
    min-width: 24px;
    padding-block: 2px;
  }
  details p {
    margin: 4px 0 0;
    max-width: 60ch;
  }
  .performance {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
  }
  .performance-title {
    flex-basis: 100%;
    margin: 0;
    font-size: 1em;
  }
  .chart-block {
    flex: 2 1 320px;
    min-width: 0;
    margin: 0;
  }
  .chart-block figcaption {
    font-weight: 600;
    margin-bottom: var(--_space);
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
  }
  .chart .bar {
    fill: var(--_reports-bar);
  }
  .chart .grid {
    stroke: var(--_reports-grid);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  .chart .axis {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .chart .axis-label {
    fill: var(--_muted);
    font-size: 12px;
  }
  .chart-table {
    margin-top: var(--_space);
  }
  .figures {
    flex: 1 1 240px;
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  .figure {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .figure dt {
    color: var(--_muted);
  }
  .figure dd {
    margin: 0;
  }
  .figure .value {
    display: block;
    font-size: 1.4em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .toggle[aria-pressed='true'] {
    border-color: var(--_accent);
  }
`;
