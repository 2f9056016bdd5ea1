import { ZoneId, ZoneOffset } from '@js-joda/core';
import type { ZonedDateTime } from '@js-joda/core';
// Registers the IANA rules with @js-joda/core; without it only fixed offsets would resolve.
import '@js-joda/timezone';
import { UtilArgumentError } from '../errors.js';
import { describe } from './arg-checks.js';

/**
 * The zone used when a helper is called without one. A region ID rather than `ZoneOffset.UTC` so that the `z`
 * pattern letter prints "UTC" (as java.time does for `ZoneId.of("UTC")`) instead of "Z".
 */
export const UTC: ZoneId = ZoneId.of('UTC');

/**
 * Java's `ZoneId.of`: IANA region IDs ("America/New_York", case-sensitive), offsets ("+08:00", "-07:00:30",
 * "+0800", "Z") and prefixed offsets ("UTC+8", "GMT-05:00"). A missing argument means UTC.
 */
export function resolveZone(fn: string, timezone: unknown): ZoneId {
  if (timezone === undefined || timezone === null) return UTC;
  if (typeof timezone !== 'string') {
    throw new UtilArgumentError(`${fn}: the timezone must be a string, got ${describe(timezone)}`);
  }
  try {
    return ZoneId.of(timezone);
  } catch {
    throw new UtilArgumentError(
      `${fn}: unknown time zone '${timezone}' ` +
        '(expected an IANA zone ID such as "America/New_York" or an offset such as "+08:00")'
    );
  }
}

/**
 * java.time prints `z` (short) and `zzzz` (long) as the *specific* name of the zone at that instant ("EST" in
 * winter, "EDT" in summer), where @js-joda/locale prints the generic one ("ET"). ICU gives the specific long
 * names; the short ones Java has but CLDR's English data lacks come from this table, keyed by the long name.
 */
const JAVA_SHORT_NAMES: Readonly<Record<string, string>> = {
  'Coordinated Universal Time': 'UTC',
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Moscow Standard Time': 'MSK',
  'Israel Standard Time': 'IST',
  'Israel Daylight Time': 'IDT',
  'India Standard Time': 'IST',
  'China Standard Time': 'CST',
  'Hong Kong Standard Time': 'HKT',
  'Singapore Standard Time': 'SGT',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'Australian Western Standard Time': 'AWST',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
  'Gulf Standard Time': 'GST',
  'Arabian Standard Time': 'AST',
  'Pakistan Standard Time': 'PKT',
  'Indochina Time': 'ICT',
  'Western Indonesia Time': 'WIB',
  'South Africa Standard Time': 'SAST',
  'East Africa Time': 'EAT',
  'Central Africa Time': 'CAT',
  'West Africa Standard Time': 'WAT',
  'Brasilia Standard Time': 'BRT',
  'Brasilia Summer Time': 'BRST',
  'Argentina Standard Time': 'ART',
  'Atlantic Standard Time': 'AST',
  'Atlantic Daylight Time': 'ADT',
  'Newfoundland Standard Time': 'NST',
  'Newfoundland Daylight Time': 'NDT',
};

/** ICU folds these aliases into "UTC"; java.time names each after itself. */
const FIXED_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  GMT: ['GMT', 'Greenwich Mean Time'],
  'Etc/GMT': ['GMT', 'Greenwich Mean Time'],
  Greenwich: ['GMT', 'Greenwich Mean Time'],
  'Etc/Greenwich': ['GMT', 'Greenwich Mean Time'],
};

/** The text Java's `DateTimeFormatter` prints for `z`..`zzz` (long = false) or `zzzz` (long = true). */
export function zoneNameText(dateTime: ZonedDateTime, long: boolean): string {
  const zone = dateTime.zone();
  // Java prints a ZoneOffset, and a prefixed offset such as "UTC+08:00", as its ID.
  if (zone instanceof ZoneOffset || /^(UTC|GMT|UT)[+-]/.test(zone.id())) return zone.id();
  const fixed = FIXED_NAMES[zone.id()];
  if (fixed !== undefined) return long ? fixed[1] : fixed[0];
  const when = new Date(dateTime.toInstant().toEpochMilli());
  const longName = icuZoneName(zone.id(), 'long', when);
  if (longName === undefined) return zone.id();
  if (long) return longName;
  const known = JAVA_SHORT_NAMES[longName];
  if (known !== undefined) return known;
  const shortName = icuZoneName(zone.id(), 'short', when);
  if (shortName !== undefined && !/^GMT[+-]/.test(shortName)) return shortName;
  // Java's fallback for a zone without an abbreviation is the GMT offset with hours and minutes.
  const offset = dateTime.offset().totalSeconds();
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return offset === 0 ? 'GMT' : `GMT${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

function icuZoneName(id: string, style: 'long' | 'short', when: Date): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: style }).formatToParts(when);
    return parts.find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}
