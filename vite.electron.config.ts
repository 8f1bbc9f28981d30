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
    ssr: true,
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // The backup and report PDF workers are entries of their own: a worker thread loads each by
      // file name, beside index.js (main/services/operations/backup-file.ts looks for
      // out/main/backup-worker.js, main/pdf/render-report.ts for out/main/report-worker.js).
      input: {
        index: 'main/index.ts',
        'backup-worker': 'main/services/operations/backup-worker.ts',
        'report-worker': 'main/pdf/report-worker.ts',
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
