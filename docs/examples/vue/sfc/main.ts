import { createApp } from 'vue';
import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';
import App from './App.vue';

const backend = createMemoryBackend({ seed: createSeedData() });

export const app = createApp(App, { backend, userId: SEED_USERS.operatorA });
app.mount('#app');
