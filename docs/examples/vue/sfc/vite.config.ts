import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // live-chat-* tags are custom elements, not Vue components.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('live-chat-') },
      },
    }),
  ],
});
