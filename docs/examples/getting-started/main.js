// @ts-check
import '@live-chat/elements'; // defines <live-chat-workspace>; what it shows on demand loads then
import { createLiveChatClient } from '@live-chat/core';
import {
  createCustomerSimulator,
  createMemoryBackend,
  createSeedData,
  SEED_USERS,
} from '@live-chat/adapters';

// A complete backend inside the page, with demo data: two live chats, five operators,
// a supervisor and thirty customers with a few days of history.
export const backend = createMemoryBackend({ seed: createSeedData() });

// Customers keep writing in, about four messages a minute.
export const simulator = createCustomerSimulator(backend, { ratePerMinute: 4 });
simulator.start();

// One client per workspace, signed in as an operator (Anna).
export const client = createLiveChatClient({ adapter: backend.connect(SEED_USERS.operatorA) });

const workspace = document.querySelector('live-chat-workspace');
if (!workspace) throw new Error('The page has no <live-chat-workspace>.');
workspace.client = client;

workspace.addEventListener('live-chat-session-changed', (event) => {
  document.title = event.detail.sessionId ? 'Live chats: a session is open' : 'Live chats';
});
