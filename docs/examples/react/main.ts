import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';
import { App } from './app.js';

const backend = createMemoryBackend({ seed: createSeedData() });

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
export const root = createRoot(container);
root.render(
  createElement(StrictMode, null, createElement(App, { backend, userId: SEED_USERS.operatorA })),
);
