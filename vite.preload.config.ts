import { defineConfig } from 'vite';

/**
 * Preload → out/preload/index.cjs. Sandboxed preloads cannot be ESM and can only require a
 * few modules ('electron' among them), so the contract and zod are bundled into one CJS file.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, external: ['electron'] },
  build: {
    ssr: 'preload/index.ts',
    outDir: 'out/preload',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: false,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
    },
  },
});
