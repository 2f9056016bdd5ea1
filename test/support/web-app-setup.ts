import { ensureWebAppBuilt } from '../../web/build-app.js';

/**
 * Builds the web app once before any test file starts, when a source changed since the last build: test files that
 * serve it (and `npm start` in test/app) then start at once instead of waiting on one build within their timeouts.
 */
export async function setup(): Promise<void> {
  await ensureWebAppBuilt();
}
