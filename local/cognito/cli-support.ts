import { resolve } from 'node:path';
import { InvalidUserInputError, UserExistsError, UserNotFoundError } from './errors.js';

/** A mistake in the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `DATA_DIR` as the server reads it, `.data/` by default. */
export const dataDirFromEnv = () => resolve(process.env['DATA_DIR'] || '.data');

export function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`${flag} needs a positive whole number of seconds, not "${text}"`);
  return Number(text);
}

/** Runs a CLI's main, turning expected failures (the user pool's, and `expected`) into one line on stderr and an exit code. */
export async function runCli(usage: string, main: () => Promise<void>, expected: readonly (abstract new (...args: never[]) => Error)[] = []): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else if (error instanceof Error && [UserExistsError, UserNotFoundError, InvalidUserInputError, ...expected].some((type) => error instanceof type)) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
