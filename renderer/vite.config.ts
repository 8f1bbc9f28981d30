import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// No node:* imports here: the lint rules for renderer/ forbid them, so paths are plain strings.
const root = import.meta.dirname;

// The renderer, plus the web shell's preload (preload/web.ts) as a second entry that lands at
// out/renderer/web-preload.js without a hash: the web server injects it before the app script.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../out/renderer`,
    emptyOutDir: true,
    target: 'es2023',
    // Loaded from disk, never over a network: one larger chunk is fine.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        index: `${root}/index.html`,
        'web-preload': `${root}/../preload/web.ts`,
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'web-preload' ? 'web-preload.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
