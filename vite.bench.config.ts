import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Builds the benchmark page (bench/index.html) into dist-bench/, apart from the app. */
export default defineConfig({
  root: 'bench',
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { outDir: '../dist-bench', emptyOutDir: true, target: 'es2022' },
  preview: { port: 4174, strictPort: true },
});
