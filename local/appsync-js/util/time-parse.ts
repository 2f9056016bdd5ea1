import { ChronoField, LocalDateTime, LocalTime, TemporalQueries, ZoneId, ZonedDateTime } from '@js-joda/core';
import type { TemporalAccessor } from '@js-joda/core';
import { UtilArgumentError } from '../errors.js';
import { firstLine, ofPattern } from './time-pattern.js';

/**
 * ISO 8601 date-time as java.time's ISO_DATE_TIME reads it (case-insensitive `T`/`Z`, seconds and fraction
 * optional, optional `[Region/Zone]`), also accepting the basic offset forms "+0800" and "+08" that clients
 * commonly send.
 */
const ISO_DATE_TIME = new RegExp(
  [
    '^([+-]?\\d{4,9})-(\\d{2})-(\\d{2})',
    '[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?',
    '(?:([Zz])|([+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?))?',
    '(?:\\[([^\\]]+)\\])?$',
  ].join('')
);

export function parseIsoToEpochMillis(fn: string, text: string): number {
  const m = ISO_DATE_TIME.exec(text);
  if (m === null) {
    throw new UtilArgumentError(
      `${fn}: '${text}' is not an ISO 8601 date-time such as "2018-02-01T17:21:05.180+08:00"`
    );
  }
  const [, year, month, day, hour, minute, second, fraction, zulu, offset, region] = m;
  try {
    const local = LocalDateTime.of(
      Number(year),
      Number(month),
      Number(day),
      Number(hour),
      Number(minute),
      Number(second ?? 0),
      Number((fraction ?? '').padEnd(9, '0'))
    );
    // An explicit offset fixes the instant; a bracketed region alone places the local time in it; neither: UTC.
    const zone =
      zulu !== undefined ? ZoneId.UTC : offset !== undefined ? ZoneId.of(offset) : ZoneId.of(region ?? 'UTC');
    return ZonedDateTime.of(local, zone).toInstant().toEpochMilli();
  } catch (e) {
    throw new UtilArgumentError(`${fn}: '${text}' is not a valid ISO 8601 date-time: ${firstLine(e)}`);
  }
}

/** Fields whose presence means the text carried a time of day, so it must resolve to one. */
const TIME_FIELDS = [
  ChronoField.HOUR_OF_DAY,
  ChronoField.CLOCK_HOUR_OF_DAY,
  ChronoField.HOUR_OF_AMPM,
  ChronoField.CLOCK_HOUR_OF_AMPM,
  ChronoField.MINUTE_OF_HOUR,
  ChronoField.SECOND_OF_MINUTE,
];

/**
 * `DateTimeFormatter.ofPattern(format)` parsing (SMART resolver, case-sensitive, whole text). A zone or offset
 * in the text wins over `zone`, as with Java's `withZone`. A pattern without a time of day reads as midnight.
 */
export function parseFormattedToEpochMillis(fn: string, text: string, pattern: string, zone: ZoneId): number {
  const formatter = ofPattern(fn, pattern);
  let parsed: TemporalAccessor;
  try {
    parsed = formatter.parse(text);
  } catch (e) {
    throw new UtilArgumentError(`${fn}: '${text}' does not match the format '${pattern}': ${firstLine(e, text)}`);
  }
  const date = parsed.query(TemporalQueries.localDate());
  if (date === null) {
    throw new UtilArgumentError(`${fn}: '${text}' parsed with '${pattern}' does not give a complete date`);
  }
  let time = parsed.query(TemporalQueries.localTime());
  if (time === null) {
    if (TIME_FIELDS.some((field) => parsed.isSupported(field))) {
      throw new UtilArgumentError(`${fn}: '${text}' parsed with '${pattern}' does not give a complete time of day`);
    }
    time = LocalTime.MIDNIGHT;
  }
  const local = LocalDateTime.of(date, time);
  // A parsed offset fixes the instant even inside a DST overlap; a parsed region resolves like the override.
  const offset = parsed.query(TemporalQueries.offset());
  if (offset !== null) return local.toInstant(offset).toEpochMilli();
  return ZonedDateTime.of(local, parsed.query(TemporalQueries.zone()) ?? zone)
    .toInstant()
    .toEpochMilli();
}
