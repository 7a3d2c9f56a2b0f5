/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  preview: { port: 4173, strictPort: true },
  test: {
    testTimeout: 20000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.dom.test.ts'], environment: 'node' } },
      // Components mounted in a DOM: Svelte's browser build, not its server one.
      { extends: true, resolve: { conditions: ['browser'] }, test: { name: 'dom', include: ['tests/unit/**/*.dom.test.ts'], environment: 'jsdom' } },
    ],
  },
});
