import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * Electron main → out/main/index.js (ESM, Node target). Everything is bundled except Electron,
 * Node built-ins and the native modules (better-sqlite3, @node-rs/argon2 and its per-platform
 * binary packages), which electron-builder ships in node_modules, unpacked from the asar.
 */
const NATIVE = [/^better-sqlite3(\/.*)?$/, /^@node-rs\/argon2.*$/];
const external = [
  'electron',
  /^electron\/.+$/,
  ...NATIVE,
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3', '@node-rs/argon2'] },
  build: {
    ssr: 'main/index.ts',
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external,
      output: { format: 'es', entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
