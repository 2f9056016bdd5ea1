import { ensureWebAppBuilt, isWebAppStale, WebBuildError } from './build-app.js';
import { describeFirstLoad, measureFirstLoadJs } from './first-load-size.js';

/**
 * `npm run build:web` builds when stale and reports the first-load size. With `--install` (npm's postinstall) a
 * failed build only warns: `npm start` builds again when it starts, and an install should not fail on the app.
 */
const duringInstall = process.argv.includes('--install');
try {
  const fresh = !isWebAppStale();
  const dist = await ensureWebAppBuilt();
  if (fresh) process.stdout.write(`Web app in ${dist} is up to date: ${describeFirstLoad(measureFirstLoadJs(dist))}\n`);
} catch (error) {
  if (!(error instanceof WebBuildError) || !duringInstall) throw error;
  process.stderr.write(`${error.message}\n(npm start will try again)\n`);
}
