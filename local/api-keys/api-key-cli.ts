import { parseArgs } from 'node:util';
import { dataDirFromEnv, runCli, UsageError } from '../cognito/cli-support.js';
import { type ApiKeyRecord, ApiKeyStore, MAX_KEY_DAYS } from './api-key-store.js';
import { ApiKeyNotFoundError, InvalidApiKeyInputError } from './errors.js';

const USAGE = `Usage: npm run --silent api-key -- list
       npm run --silent api-key -- create [--days N] [--description TEXT]
       npm run --silent api-key -- revoke KEY

Manages the API keys of the local API in DATA_DIR (default .data/): a key lasts --days (1 to ${MAX_KEY_DAYS}, 7 by
default), its expiry rounded down to the hour as AppSync rounds it. Prints each key as a JSON line.`;

await runCli(
  USAGE,
  async () => {
    const { values, positionals } = parseArgs({
      options: { days: { type: 'string' }, description: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    const [command, key, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    const store = new ApiKeyStore(dataDirFromEnv());
    const describe = (record: ApiKeyRecord): string =>
      JSON.stringify({
        id: record.id,
        ...(record.description ? { description: record.description } : {}),
        expires: new Date(record.expires * 1000).toISOString(),
        ...(store.isExpired(record) ? { expired: true } : {}),
      });
    switch (command) {
      case 'list':
        if (key) throw new UsageError(`Unexpected arguments: ${key}`);
        for (const record of store.list()) process.stdout.write(`${describe(record)}\n`);
        return;
      case 'create': {
        if (key) throw new UsageError(`Unexpected arguments: ${key}`);
        const days = values.days === undefined ? undefined : wholeDays(values.days);
        const record = store.create({
          ...(days === undefined ? {} : { days }),
          ...(values.description === undefined ? {} : { description: values.description }),
        });
        process.stdout.write(`${describe(record)}\n`);
        return;
      }
      case 'revoke':
        if (!key) throw new UsageError('revoke needs the key');
        store.revoke(key);
        return;
      default:
        throw new UsageError(command ? `Unknown command: ${command}` : 'A command is required');
    }
  },
  [InvalidApiKeyInputError, ApiKeyNotFoundError],
);

function wholeDays(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--days needs a whole number of days, not "${text}"`);
  return Number(text);
}
