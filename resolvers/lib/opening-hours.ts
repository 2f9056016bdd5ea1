import { util } from '@aws-appsync/utils';
import type { OpeningHours } from './catalog-types.js';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const TIME_OF_DAY = '([01][0-9]|2[0-3]):[0-5][0-9]';
/** IANA names (Area/Location, Area/Location/Sub) and UTC; whether the zone exists is checked by util.time. */
const TIME_ZONE = 'UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2}';
export const MAX_OPENING_PERIODS = 28;

/** Problems of a list of opening periods, each naming the period by its position (openingHours[2].closes …). */
export function openingHoursProblems(hours: OpeningHours[]): string[] {
  if (hours.length > MAX_OPENING_PERIODS) return [`openingHours must have at most ${MAX_OPENING_PERIODS} periods (got ${hours.length})`];
  const problems: string[] = [];
  hours.forEach((period, index) => {
    const at = `openingHours[${index}]`;
    const opensValid = util.matches(TIME_OF_DAY, period.opens);
    if (!opensValid) problems.push(`${at}.opens must be HH:mm from 00:00 to 23:59 (got "${period.opens}")`);
    if (period.closes !== '24:00' && !util.matches(TIME_OF_DAY, period.closes)) {
      problems.push(`${at}.closes must be HH:mm from 00:01 to 24:00 (got "${period.closes}")`);
    } else if (opensValid && period.closes <= period.opens) {
      problems.push(`${at}.closes must be after opens (a period past midnight is two periods)`);
    }
  });
  return problems;
}

export function timeZoneProblems(timeZone: string): string[] {
  if (!util.matches(TIME_ZONE, timeZone)) return [`timeZone must be an IANA time zone such as Europe/Rome (got "${timeZone}")`];
  // An unknown zone of the right shape fails here, before anything is written.
  util.time.nowFormatted('HH:mm', timeZone);
  return [];
}

/** Whether `now` falls in one of the periods of its weekday, in the restaurant's time zone. */
export function isWithinHours(hours: OpeningHours[], timeZone: string, nowMillis: number): boolean {
  const local = util.time.epochMilliSecondsToFormatted(nowMillis, 'EEEE HH:mm', timeZone).split(' ');
  const day = (local[0] ?? '').toUpperCase();
  const time = local[1] ?? '';
  return hours.some((period) => period.day === day && period.opens <= time && time < period.closes);
}

export function isWeekday(day: string): boolean {
  return WEEKDAYS.includes(day);
}
