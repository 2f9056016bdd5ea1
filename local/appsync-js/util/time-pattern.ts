import { DateTimeFormatter, Instant, ZonedDateTime } from '@js-joda/core';
import type { ZoneId } from '@js-joda/core';
import { Locale } from '@js-joda/locale';
// Registers the English CLDR data that text fields (EEE, MMM, a, G, zzzz, …) print and parse with.
import '@js-joda/locale_en-us';
import { UtilArgumentError } from '../errors.js';
import { zoneNameText } from './time-zone.js';

/**
 * Java `DateTimeFormatter.ofPattern(pattern)` in the en-US locale (AppSync runs with Java's default locale,
 * which prints "Feb", "Tue", "PM").
 */
export function ofPattern(fn: string, pattern: string): DateTimeFormatter {
  try {
    return DateTimeFormatter.ofPattern(pattern).withLocale(Locale.US);
  } catch (e) {
    throw new UtilArgumentError(`${fn}: invalid date format '${pattern}': ${firstLine(e)}`);
  }
}

/** The instant `epochMillis` in `zone`, or a clear error when it lies outside java.time's range. */
export function atZone(fn: string, epochMillis: number, zone: ZoneId): ZonedDateTime {
  try {
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(Math.trunc(epochMillis)), zone);
  } catch (e) {
    throw new UtilArgumentError(
      `${fn}: ${epochMillis} is not a representable epoch milliseconds value: ${firstLine(e)}`
    );
  }
}

export function formatAt(fn: string, dateTime: ZonedDateTime, pattern: string): string {
  const formatter = ofPattern(fn, withZoneNames(pattern, dateTime));
  try {
    return dateTime.format(formatter);
  } catch (e) {
    throw new UtilArgumentError(`${fn}: cannot format with '${pattern}': ${firstLine(e)}`);
  }
}

/**
 * Replaces each run of 1–4 `z` letters outside quotes with the quoted zone name Java would print there, since
 * the locale add-on prints generic names ("ET") where Java prints specific ones ("EST"/"EDT"). Runs of 5+ are
 * left alone so that ofPattern rejects them as Java does.
 */
function withZoneNames(pattern: string, dateTime: ZonedDateTime): string {
  if (!pattern.includes('z')) return pattern;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = closingQuote(pattern, i + 1);
      out += pattern.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    let run = 1;
    while (pattern.charAt(i + run) === ch && /[A-Za-z]/.test(ch)) run += 1;
    if (ch === 'z' && run <= 4) {
      out += `'${zoneNameText(dateTime, run === 4).replaceAll("'", "''")}'`;
    } else {
      out += pattern.slice(i, i + run);
    }
    i += run;
  }
  return out;
}

/** Index of the quote closing a literal opened before `from` ('' inside a literal is an escaped quote). */
function closingQuote(pattern: string, from: number): number {
  let j = from;
  while (j < pattern.length) {
    if (pattern.charAt(j) === "'") {
      if (pattern.charAt(j + 1) !== "'") return j;
      j += 2;
    } else {
      j += 1;
    }
  }
  // Unterminated: keep the rest verbatim and let ofPattern report it.
  return pattern.length;
}

/** js-joda appends the offending text and a cause chain after the first line; the first line says it all. */
export function firstLine(error: unknown, text?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  let line = (message.split('\n')[0] ?? '').replace(/, at index: \d+$/, '');
  if (text !== undefined && line.endsWith(`: ${text}`)) line = line.slice(0, -(text.length + 2));
  return line.trim();
}
