import { UtilArgumentError } from '../errors.js';
import { requireNumber, requireString } from './arg-checks.js';
import { parseFormattedToEpochMillis, parseIsoToEpochMillis } from './time-parse.js';
import { atZone, formatAt } from './time-pattern.js';
import { UTC, resolveZone } from './time-zone.js';

/**
 * `util.time`: https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
 * Formats are Java `DateTimeFormatter` patterns; time zones are Java `ZoneId`s; a missing zone means UTC.
 */

/** Always millisecond precision with a `Z`, as in the guide's "2018-02-06T19:01:35.758Z". */
const ISO_8601 = "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";
// toISOString prints what the pattern prints at UTC for the years 0000 to 9999 (outside them it adds a sign and
// six digits), at a small part of the cost: resolvers stamp every write with these.
const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;

function iso8601At(fn: string, ms: number): string {
  const whole = Math.trunc(ms);
  if (whole >= YEAR_0_MS && whole < YEAR_10000_MS) return new Date(whole).toISOString();
  return formatAt(fn, atZone(fn, whole, UTC), ISO_8601);
}

function millis(fn: string, value: unknown): number {
  const ms = requireNumber(fn, value, 'epoch milliseconds');
  if (!Number.isFinite(ms)) throw new UtilArgumentError(`${fn}: the epoch milliseconds must be finite, got ${ms}`);
  return ms;
}

function formatMillis(fn: string, ms: number, format: unknown, timezone: unknown): string {
  const pattern = requireString(fn, format, 'format');
  return formatAt(fn, atZone(fn, ms, resolveZone(fn, timezone)), pattern);
}

export const time = {
  nowISO8601(): string {
    return iso8601At('util.time.nowISO8601', Date.now());
  },

  nowEpochSeconds(): number {
    return Math.floor(Date.now() / 1000);
  },

  nowEpochMilliSeconds(): number {
    return Date.now();
  },

  nowFormatted(format: unknown, timezone?: unknown): string {
    return formatMillis('util.time.nowFormatted', Date.now(), format, timezone);
  },

  parseFormattedToEpochMilliSeconds(timestamp: unknown, format: unknown, timezone?: unknown): number {
    const fn = 'util.time.parseFormattedToEpochMilliSeconds';
    const text = requireString(fn, timestamp, 'timestamp');
    const pattern = requireString(fn, format, 'format');
    return parseFormattedToEpochMillis(fn, text, pattern, resolveZone(fn, timezone));
  },

  parseISO8601ToEpochMilliSeconds(timestamp: unknown): number {
    const fn = 'util.time.parseISO8601ToEpochMilliSeconds';
    return parseIsoToEpochMillis(fn, requireString(fn, timestamp, 'timestamp'));
  },

  /** Java `long` division: truncates toward zero. */
  epochMilliSecondsToSeconds(milliseconds: unknown): number {
    // `+ 0` turns -0 (from -999 ms) into 0.
    return Math.trunc(millis('util.time.epochMilliSecondsToSeconds', milliseconds) / 1000) + 0;
  },

  epochMilliSecondsToISO8601(milliseconds: unknown): string {
    const fn = 'util.time.epochMilliSecondsToISO8601';
    return iso8601At(fn, millis(fn, milliseconds));
  },

  epochMilliSecondsToFormatted(milliseconds: unknown, format: unknown, timezone?: unknown): string {
    const fn = 'util.time.epochMilliSecondsToFormatted';
    return formatMillis(fn, millis(fn, milliseconds), format, timezone);
  },
};
