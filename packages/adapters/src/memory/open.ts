/** Opening a memory backend over saved state (see {@link openMemoryBackend}). */
import { createMemoryBackend, type MemoryBackend, type MemoryBackendOptions } from './backend.js';
import { createSeedData } from './seed.js';
import type { BackendPersistence, SeedData } from './state.js';

/** Options of {@link openMemoryBackend}. */
export interface OpenMemoryBackendOptions extends Omit<
  MemoryBackendOptions,
  'seed' | 'persistence'
> {
  persistence: BackendPersistence;
  /** Data to start from when nothing is saved yet (default: {@link createSeedData} at the current time). */
  seed?: SeedData | (() => SeedData);
}

/**
 * Opens a persistent memory backend: the state saved in `persistence` if there is one, otherwise
 * the seed (which is saved at once). Every later change is saved too.
 */
export async function openMemoryBackend(options: OpenMemoryBackendOptions): Promise<MemoryBackend> {
  const { persistence, seed, ...rest } = options;
  const saved = await persistence.load();
  const now = rest.now ?? Date.now;
  const initial =
    saved ?? (typeof seed === 'function' ? seed() : (seed ?? createSeedData({ now: now() })));
  const backend = createMemoryBackend({ ...rest, seed: initial, persistence });
  if (!saved) persistence.save(() => backend.exportState());
  return backend;
}
