export { createMemoryBackend, MemoryBackend } from '../../../../adapters/src/memory/backend.js';
export { createSeedData } from '../../../../adapters/src/memory/seed.js';
export { SEED_USERS, SEED_LIVE_CHATS, SEED_GROUPS } from '../../../../adapters/src/memory/directory.js';
