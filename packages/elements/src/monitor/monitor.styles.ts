import { css } from 'lit';

/** Styles of `<live-chat-monitor>`. */
export const monitorStyles = css`
  :host {
    display: block;
    --_monitor-stripe: var(--live-chat-monitor-table-stripe, var(--_surface));
  }
  .monitor {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: calc(var(--_space) / 2);
  }
  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    text-align: start;
    border-bottom: 1px solid var(--_border);
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tbody tr:nth-child(even) {
    background: var(--_monitor-stripe);
  }
  .status::before {
    content: '';
    display: inline-block;
    width: 8px;
    height: 8px;
    margin-inline-end: 6px;
    border-radius: 50%;
    border: 2px solid var(--_success);
    background: var(--_success);
  }
  .status.away::before {
    border-color: var(--_warning);
    background: transparent;
  }
  .status.offline::before {
    border-color: var(--_muted);
    border-style: dashed;
    background: transparent;
  }
  .message {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .message.error {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
`;
