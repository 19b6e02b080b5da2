/**
 * The contract every `TransportAdapter` and its backend must keep, as named checks. Each check
 * drives a fresh harness through its adapters, the way the workspace and its users would.
 */
import { COMMAND_CHECKS } from './checks-commands.js';
import { CUSTOMER_CHECKS } from './checks-customers.js';
import { FILE_CHECKS } from './checks-files.js';
import { READ_CHECKS } from './checks-reads.js';
import { SCOPE_CHECKS } from './checks-scope.js';
import { STREAM_CHECKS } from './checks-streams.js';
import { TRIAGE_CHECKS } from './checks-triage.js';
import { WORKFLOW_CHECKS } from './checks-workflow.js';
import type { CheckDefinition } from './probe.js';

/** Every check, in the order they are registered. */
export const CHECKS: readonly CheckDefinition[] = [
  ...WORKFLOW_CHECKS,
  ...COMMAND_CHECKS,
  ...STREAM_CHECKS,
  ...READ_CHECKS,
  ...CUSTOMER_CHECKS,
  ...SCOPE_CHECKS,
  ...TRIAGE_CHECKS,
  ...FILE_CHECKS,
];
