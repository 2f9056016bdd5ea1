import { parseArgs } from 'node:util';
import { dataDirFromEnv, runCli, UsageError } from './cli-support.js';
import { LocalUserPool } from './user-pool.js';
import type { UserRecord } from './users.js';

const USAGE = `Usage: npm run --silent user -- add NAME --password P [--group G]... [--email E]
       npm run --silent user -- set-password NAME --password P
       npm run --silent user -- list

Manages users of the local user pool in DATA_DIR (default .data/). Prints each user as a JSON line.`;

const describe = (user: UserRecord) =>
  JSON.stringify({
    username: user.username,
    sub: user.sub,
    groups: user.groups,
    ...(user.email ? { email: user.email } : {}),
    // Only signed-up users awaiting their code have a status worth printing.
    ...(user.status === 'UNCONFIRMED' ? { status: user.status } : {}),
  });

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: {
      password: { type: 'string' },
      group: { type: 'string', multiple: true },
      email: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const [command, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
  const pool = await LocalUserPool.open(dataDirFromEnv());
  switch (command) {
    case 'add': {
      if (!name) throw new UsageError('add needs a user name');
      if (!values.password) throw new UsageError('add needs --password');
      const user = pool.addUser(name, {
        password: values.password,
        groups: values.group ?? [],
        ...(values.email === undefined ? {} : { email: values.email }),
      });
      process.stdout.write(`${describe(user)}\n`);
      return;
    }
    case 'set-password': {
      if (!name) throw new UsageError('set-password needs a user name');
      if (!values.password) throw new UsageError('set-password needs --password');
      process.stdout.write(`${describe(pool.setPassword(name, values.password))}\n`);
      return;
    }
    case 'list':
      for (const user of pool.listUsers()) process.stdout.write(`${describe(user)}\n`);
      return;
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'A command is required');
  }
});
