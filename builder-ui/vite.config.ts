import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built builder in production (`npm start`); in `vite dev` and `vite preview`
// the same relative `/api` calls are proxied to it, so the app never needs to know its origin.
const apiTarget = process.env.THREADLINE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // Relative asset URLs, so the same build works wherever the API chooses to mount it.
  base: './',
  plugins: [react()],
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
  // React, React Flow and zod (the flow language's schemas) make one ~540 kB bundle; splitting it
  // would buy nothing for an admin tool loaded once per session.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
});
