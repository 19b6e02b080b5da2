import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';
import { createLiveChatApp } from './app.js';

const backend = createMemoryBackend({ seed: createSeedData() });

export const app = createLiveChatApp({ backend, userId: SEED_USERS.operatorA });
app.mount('#app');
