/**
 * Test support: the people and live chats of the seed directory by name, for tests that tell a
 * story with them (Anna takes Olivia's session in Customer Support, Ben answers Liam…).
 */
import { customerIdOf } from '../directory.js';
import { SEED_LIVE_CHATS, SEED_USERS } from '../seed.js';

/** "Customer Support" (web, Telegram, WhatsApp, email) and the "Website Help Desk" (web only). */
export const { support, helpDesk } = SEED_LIVE_CHATS;

/** Staff: operators Anna, Ben, Chloe and David, Elena (Help Desk only), supervisor Maria. */
export const {
  operatorA: anna,
  operatorB: ben,
  operatorC: chloe,
  operatorD: david,
  operatorE: elena,
  supervisor: maria,
} = SEED_USERS;

/** Olivia Bennett, a customer who writes through Telegram. */
export const olivia = customerIdOf('Olivia Bennett');
/** Liam Walker, a customer who writes through Telegram. */
export const liam = customerIdOf('Liam Walker');
/** Hana Tanaka, a customer who writes through Telegram. */
export const hana = customerIdOf('Hana Tanaka');
/** Diego Reyes, a customer who writes through Telegram. */
export const diego = customerIdOf('Diego Reyes');
/** Noah Brennan, a customer who writes through the web chat. */
export const noah = customerIdOf('Noah Brennan');
/** Kofi Mensah, a customer who writes through Telegram. */
export const kofi = customerIdOf('Kofi Mensah');
/** Tom Fischer, an internal user who writes in as a customer. */
export const tom = customerIdOf('Tom Fischer');
