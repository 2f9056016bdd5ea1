import { existsSync } from 'node:fs';
import chromiumPackage from '@sparticuz/chromium';

/** Debian's package, where a machine has it; tests never need it installed. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests drive: `CHROMIUM_PATH` if set, else Debian's Chromium if installed, else the Chromium that
 * the @sparticuz/chromium dev dependency carries inside the npm package (unpacked to the temp dir on first use),
 * so `npm install` is the whole set-up. playwright-core downloads no browser of its own.
 */
export async function findChromium(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new BrowserNotFoundError(chosen);
    return chosen;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return chromiumPackage.executablePath();
}

/**
 * Headless, and none of Chromium's background calls home: this machine's closed network refuses them, many at a
 * time. No sandbox, because tests run as root in containers.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
  constructor(readonly path: string) {
    super(`CHROMIUM_PATH names ${path}, which does not exist`);
  }
}
