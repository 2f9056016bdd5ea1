import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';

/** Served under this path: by `npm start` offline, by CloudFront on AWS. */
export const WEB_BASE_PATH = '/app/';

/**
 * The web client's Vite configuration, shared by `vite` (dev server, vite.config.ts) and ensureWebAppBuilt.
 * Endpoints are not in it: the app reads /app/config.json at start, so one build serves every stage.
 */
export function webViteConfig(root: string): InlineConfig {
  return {
    configFile: false,
    root,
    base: WEB_BASE_PATH,
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // The budget that matters (first-load JS, gzipped) is measured by first-load-size.ts; this only quiets Vite.
      chunkSizeWarningLimit: 1200,
    },
    server: {
      // `npm run dev:web`: config.json comes from a running `npm start` (API_URL), whose endpoints answer the app
      // directly (their CORS headers allow any origin).
      proxy: { '/app/config.json': process.env.API_URL ?? 'http://localhost:4000' },
    },
  };
}
