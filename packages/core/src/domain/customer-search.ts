/**
 * How a search by text finds customers (New Session's picker, and the customer read of a
 * backend): the name or the messenger account contains the text, in any case.
 */
import type { Customer } from './types.js';

/** The text a customer search compares: trimmed and lower-cased ('' matches every customer). */
export function customerNeedle(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/**
 * The texts a customer search looks in, as it compares them: the name and the account (`''` for
 * an internal customer), lower-cased. A store that keeps them can find a search's candidates by
 * substring (see `customersMatching` of the engine's store port).
 */
export function customerSearchTexts(customer: Customer): { name: string; account: string } {
  return {
    name: customer.name.toLocaleLowerCase(),
    account: customer.kind === 'external' ? customer.account.toLocaleLowerCase() : '',
  };
}

/** Whether the customer's name or account contains `needle` (see {@link customerNeedle}). */
export function customerMatches(customer: Customer, needle: string): boolean {
  if (needle === '') return true;
  const { name, account } = customerSearchTexts(customer);
  return name.includes(needle) || account.includes(needle);
}
