/**
 * Test support: an adapter with only the required members of the contract (what an adapter
 * written before files and typing offers), calling `real`, plus `extra`.
 */
import type { TransportAdapter } from '@live-chat/core';
import { requiredMembers } from '../../forwarding-adapter.js';

/** `real` without its optional members, plus `extra`. */
export function bareAdapter(
  real: TransportAdapter,
  extra: Partial<TransportAdapter> = {},
): TransportAdapter {
  return { ...requiredMembers(real), ...extra };
}
