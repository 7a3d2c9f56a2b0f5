import path from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Builds the benchmark page (bench/index.html) into dist-bench/, apart from the app. */
export default defineConfig({
  root: 'bench',
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist-bench',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'bench/index.html'),
        journey: path.resolve(import.meta.dirname, 'bench/journey.html'),
        quality: path.resolve(import.meta.dirname, 'bench/quality.html'),
        cohort: path.resolve(import.meta.dirname, 'bench/cohort.html'),
        compare: path.resolve(import.meta.dirname, 'bench/compare.html'),
        cohortVis: path.resolve(import.meta.dirname, 'bench/cohort-vis.html'),
        report: path.resolve(import.meta.dirname, 'bench/report.html'),
        dataset: path.resolve(import.meta.dirname, 'bench/dataset.html'),
        slides: path.resolve(import.meta.dirname, 'bench/slides.html'),
      },
    },
  },
  preview: { port: 4174, strictPort: true },
});
