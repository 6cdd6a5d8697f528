/**
 * Builds the web dashboard (dashboard/ → dashboard/dist/), served by the API at /dashboard.
 * Run from the project root: `npm run build:dashboard` (npm install runs it too), or
 * `npm run dev:dashboard` for a live-reloading copy that forwards /v1 to a local API on :3000.
 * Paths are relative to the working directory, hence `root: 'dashboard'`.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'dashboard',
  // Asset URLs are absolute under /dashboard/, so the page works at /dashboard and /dashboard/.
  base: '/dashboard/',
  // Preact's automatic JSX runtime (no plugin needed: Vite's own transformer compiles JSX).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The API's CSP allows scripts from 'self' only: everything ships as files, nothing inline.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/v1': 'http://localhost:3000' },
  },
});
