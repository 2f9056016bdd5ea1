import { parseArgs } from 'node:util';
import { dataDirFromEnv, positiveInteger, runCli, UsageError } from './cli-support.js';
import { LocalUserPool } from './user-pool.js';

const USAGE = `Usage: npm run --silent token -- --user NAME [--group G]... [--access-token] [--scope S]... [--expires-in SECONDS]

Prints a token of the local user pool in DATA_DIR (default .data/): the ID token, or the access token with
--access-token. The user is created on first use; --group replaces the user's groups, --scope the default scope.`;

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      group: { type: 'string', multiple: true },
      'access-token': { type: 'boolean', default: false },
      scope: { type: 'string', multiple: true },
      'expires-in': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.user) throw new UsageError('--user is required');
  const expiresInSeconds = positiveInteger('--expires-in', values['expires-in']);
  const pool = await LocalUserPool.open(dataDirFromEnv());
  pool.ensureUser(values.user, values.group === undefined ? {} : { groups: values.group });
  const tokens = await pool.issueTokens(values.user, {
    ...(values.scope === undefined ? {} : { scopes: values.scope }),
    ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
  });
  process.stdout.write(`${values['access-token'] ? tokens.accessToken : tokens.idToken}\n`);
});
