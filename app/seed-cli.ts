import { dataDirFromEnv, runCli } from '../local/cognito/cli-support.js';
import { LocalUserPool } from '../local/cognito/user-pool.js';
import { orderApi } from './wiring.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { SeedError, seedDemo } from './seed.js';

const USAGE = `Usage: npm run seed

Seeds the demo catalog (restaurants, menus, demo users) through the API of a running npm start: API_URL
(default http://localhost:\${PORT:-4000}), with admin tokens from the user pool in DATA_DIR (default .data/, the
server's). Restaurants that exist are left as they are, so running it again duplicates nothing.`;

await runCli(USAGE, async () => {
  const base = (process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 4000}`).replace(/\/(graphql)?$/, '');
  const policy = orderApi.userPool?.passwordPolicy;
  const pool = await LocalUserPool.open(dataDirFromEnv(), policy ? { passwordPolicy: policy } : {});
  const report = await seedDemo(`${base}/graphql`, pool);
  const lines = [
    `Restaurants created: ${report.restaurantsCreated.join(', ') || 'none'}; already there (left as they are): ${report.restaurantsKept.join(', ') || 'none'}`,
    `Dishes added: ${report.dishesAdded}`,
    `Demo users created: ${report.usersCreated.length ? `${report.usersCreated.join(', ')} (password ${DEMO_PASSWORD})` : 'none (all there)'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}, [SeedError]);
