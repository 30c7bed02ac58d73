/** Builds the console into dist/console, which `corridor serve` serves beside the API. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the console works under any mount point.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is close to a megabyte; it is one chunk that browsers cache.
    chunkSizeWarningLimit: 1500,
  },
});
