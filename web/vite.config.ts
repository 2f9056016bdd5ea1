import { defineConfig } from 'vite';
import { webViteConfig } from './vite-options.js';

// `npm run dev:web` (the Vite dev server against a running `npm start`); builds go through build-app.ts.
export default defineConfig(webViteConfig(import.meta.dirname));
