/**
 * What a chaos run found: violations by kind, the figures of the summary line, and how reports
 * of several seeds add up.
 */
import type { FaultKind } from './plan.js';

/**
 * Kinds of violation a run can find. Each is a way the client let its user down:
 * - `lost-message`: a watched conversation misses a message the backend stored;
 * - `lost-send`: a send neither stored nor shown as failed (Retry/Discard);
 * - `duplicate-message`: a watched conversation shows a message twice (or a sent one also as unsent);
 * - `duplicate-send`: the backend stored one send more than once;
 * - `reordered`: a watched conversation shows messages out of server order;
 * - `phantom-message`: a conversation shows as sent a message the backend does not have (or
 *   has with another text, author or clientMessageId);
 * - `counters`: counters differ from a recomputation over the backend's state;
 * - `counters-internal`: counters differ from a recomputation over the client's own lists;
 * - `list`: a menu group (Queue, My sessions, Closed, Active) differs from the backend's;
 * - `stuck-*`: something still waits after the network healed and time passed (connection,
 *   status, a pending message, a conversation loading or in error, an unconfirmed command, a
 *   command or search that never answered);
 * - `command-rejected`: a client command rejected instead of resolving a typed result;
 * - `observable-errored`: a client observable errored (they never should);
 * - `unhandled-rejection`: a promise rejection nobody handled, during the run.
 */
export type ViolationKind =
  | 'lost-message'
  | 'lost-send'
  | 'duplicate-message'
  | 'duplicate-send'
  | 'reordered'
  | 'phantom-message'
  | 'counters'
  | 'counters-internal'
  | 'list'
  | 'stuck-connection'
  | 'stuck-status'
  | 'stuck-message'
  | 'stuck-conversation'
  | 'stuck-unconfirmed'
  | 'stuck-command'
  | 'stuck-search'
  | 'command-rejected'
  | 'observable-errored'
  | 'unhandled-rejection';

/** One violation: its kind, the seed that shows it, and what happened. */
export interface Violation {
  kind: ViolationKind;
  seed: number;
  /** How many of the report's figures it accounts for (e.g. 3 messages lost). */
  count: number;
  /** What happened, for a person. */
  message: string;
}

/** Figures that add up over seeds. */
export interface ChaosFigures {
  /** Messages missing from watched conversations, plus sends lost. */
  lost: number;
  /** Messages shown more than once, plus sends stored more than once. */
  duplicated: number;
  /** Messages shown out of server order. */
  reordered: number;
  /** Messages shown as sent that the backend does not have. */
  phantoms: number;
  /** Clients whose counters differ from the backend's (or from their own lists). */
  counterMismatches: number;
  /** Menu groups that differ from the backend's. */
  listMismatches: number;
  /** Things still waiting after the network healed. */
  stuck: number;
  /** Client commands that rejected instead of resolving. */
  rejectedCommands: number;
  /** Unhandled promise rejections during the run, and client observables that errored. */
  unhandledRejections: number;
  /** `snapshot()` calls of every client. */
  snapshots: number;
  /** `history()` calls of every client. */
  historyCalls: number;
}

/** The report of one seed. */
export interface ChaosRunReport extends ChaosFigures {
  seed: number;
  /** Faults injected. */
  faults: number;
  faultsByKind: Record<FaultKind, number>;
  /** Virtual time the actors were busy (faults were injected during it), in ms. */
  activeMs: number;
  /** Sends by outcome. */
  sends: { ok: number; failed: number; interrupted: number };
  /**
   * What the checks looked at: live tabs, open conversations (of sessions the user may see),
   * the backend messages they were held to, menu groups, sends.
   */
  checked: { tabs: number; conversations: number; messages: number; lists: number; sends: number };
  /** Every violation found (not truncated). */
  violations: Violation[];
}

/** The report of several seeds: the sums, and the first violations in readable form. */
export interface ChaosReport extends ChaosFigures {
  /** Seeds run. */
  seeds: number;
  /** Faults injected, over every seed. */
  faults: number;
  faultsByKind: Record<FaultKind, number>;
  /** Number of violations of every kind, over every seed. */
  violationCount: number;
  /** Violations by kind, with the first seed that shows each. */
  violationKinds: Partial<Record<ViolationKind, { count: number; firstSeed: number }>>;
  /** The first violations, one line each: `seed N: kind: what happened`. */
  violations: string[];
  /** Each seed's report. */
  runs: ChaosRunReport[];
}

const FIGURES: readonly (keyof ChaosFigures)[] = [
  'lost',
  'duplicated',
  'reordered',
  'phantoms',
  'counterMismatches',
  'listMismatches',
  'stuck',
  'rejectedCommands',
  'unhandledRejections',
  'snapshots',
  'historyCalls',
];

/** Figures all at zero. */
export function emptyFigures(): ChaosFigures {
  return Object.fromEntries(FIGURES.map((key) => [key, 0])) as unknown as ChaosFigures;
}

/** The figure a violation kind counts in. */
export function figureOf(kind: ViolationKind): keyof ChaosFigures {
  switch (kind) {
    case 'lost-message':
    case 'lost-send':
      return 'lost';
    case 'duplicate-message':
    case 'duplicate-send':
      return 'duplicated';
    case 'reordered':
      return 'reordered';
    case 'phantom-message':
      return 'phantoms';
    case 'counters':
    case 'counters-internal':
      return 'counterMismatches';
    case 'list':
      return 'listMismatches';
    case 'command-rejected':
      return 'rejectedCommands';
    case 'unhandled-rejection':
    case 'observable-errored':
      return 'unhandledRejections';
    default:
      return 'stuck';
  }
}

/** Adds up the reports of several seeds; keeps the first `maxViolations` lines. */
export function combineReports(runs: ChaosRunReport[], maxViolations = 20): ChaosReport {
  const figures = emptyFigures();
  const faultsByKind = {} as Record<FaultKind, number>;
  const violationKinds: ChaosReport['violationKinds'] = {};
  const lines: string[] = [];
  let faults = 0;
  let violationCount = 0;
  for (const run of runs) {
    for (const key of FIGURES) figures[key] += run[key];
    faults += run.faults;
    for (const [kind, count] of Object.entries(run.faultsByKind) as [FaultKind, number][])
      faultsByKind[kind] = (faultsByKind[kind] ?? 0) + count;
    for (const violation of run.violations) {
      violationCount++;
      const entry = violationKinds[violation.kind];
      if (entry) entry.count++;
      else violationKinds[violation.kind] = { count: 1, firstSeed: violation.seed };
      if (lines.length < maxViolations) lines.push(formatViolation(violation));
    }
  }
  return {
    seeds: runs.length,
    faults,
    faultsByKind,
    ...figures,
    violationCount,
    violationKinds,
    violations: lines,
    runs,
  };
}

/** One violation as a line: `seed N: kind: what happened`. */
export function formatViolation(violation: Violation): string {
  return `seed ${violation.seed}: ${violation.kind}: ${violation.message}`;
}

/**
 * The summary line of a report:
 * `chaos: S seeds, F faults, lost L, duplicated D, reordered R, counter mismatches C, stuck K, snapshots N, history calls H`.
 */
export function summaryLine(report: ChaosReport): string {
  return (
    `chaos: ${report.seeds} seeds, ${report.faults} faults, lost ${report.lost}, ` +
    `duplicated ${report.duplicated}, reordered ${report.reordered}, ` +
    `counter mismatches ${report.counterMismatches}, stuck ${report.stuck}, ` +
    `snapshots ${report.snapshots}, history calls ${report.historyCalls}`
  );
}
