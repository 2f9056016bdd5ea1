import { afterEach, describe, expect, it, vi } from 'vitest';
import { UtilArgumentError } from '../../local/appsync-js/errors.js';
import { time } from '../../local/appsync-js/util/time.js';

// Expectations cite https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time.html (VTL page,
// same functions as the APPSYNC_JS page) or Java's DateTimeFormatter / ZoneId semantics.
const DOC_MILLIS = 1517943695758; // 2018-02-06T19:01:35.758Z
const NY = 'America/New_York';

function argumentError(call: () => unknown): UtilArgumentError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(UtilArgumentError);
    return e as UtilArgumentError;
  }
  throw new Error('expected a UtilArgumentError');
}

describe('util.time now helpers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('read the current time between two Date.now() readings', () => {
    const before = Date.now();
    const ms = time.nowEpochMilliSeconds();
    const seconds = time.nowEpochSeconds();
    const iso = time.parseISO8601ToEpochMilliSeconds(time.nowISO8601());
    const after = Date.now();
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
    expect(seconds).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(seconds).toBeLessThanOrEqual(Math.floor(after / 1000));
    expect(Number.isInteger(seconds)).toBe(true);
    expect(iso).toBeGreaterThanOrEqual(before);
    expect(iso).toBeLessThanOrEqual(after);
  });

  it('print the guide’s standalone examples at the instant they were taken', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1517943695749);
    expect(time.nowISO8601()).toBe('2018-02-06T19:01:35.749Z');
    vi.setSystemTime(1517943695750);
    expect(time.nowEpochSeconds()).toBe(1517943695);
    expect(time.nowEpochMilliSeconds()).toBe(1517943695750);
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
  });

  it('print the guide’s AWSDate/AWSDateTime examples at -07:00:30', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2018, 6, 11, 22, 14, 45)); // 15:14:15 at -07:00:30
    expect(time.nowFormatted('yyyy-MM-dd[XXX]', '-07:00:30')).toBe('2018-07-11-07:00');
    expect(time.nowFormatted("yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30')).toBe('2018-07-11T15:14:15-07:00:30');
  });

  it('nowISO8601 prints what epochMilliSecondsToISO8601 prints for the same instant, up to and past year 9999', () => {
    vi.useFakeTimers();
    const instants = [0, 1, 999, 1517943695749, Date.UTC(2026, 10, 30, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1)];
    for (const ms of instants) {
      vi.setSystemTime(ms);
      expect(time.nowISO8601()).toBe(time.epochMilliSecondsToISO8601(ms));
    }
    vi.setSystemTime(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    expect(time.nowISO8601()).toBe('9999-12-31T23:59:59.999Z');
  });

  it('epochMilliSecondsToISO8601 prints what the java.time pattern prints, inside and outside years 0000-9999', () => {
    const pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";
    const instants = [0, -1, 1.9, -1.9, 1517943695749, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000];
    for (const ms of instants) expect(time.epochMilliSecondsToISO8601(ms)).toBe(time.epochMilliSecondsToFormatted(ms, pattern));
  });

  it('nowISO8601 keeps millisecond precision on a whole second', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2020, 0, 1));
    expect(time.nowISO8601()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('util.time time zones (Java ZoneId)', () => {
  it.each([
    ['UTC', '2018-02-06 19:01:35+0000'],
    ['Z', '2018-02-06 19:01:35+0000'],
    ['+08:00', '2018-02-07 03:01:35+0800'],
    ['+0800', '2018-02-07 03:01:35+0800'],
    ['-05:00', '2018-02-06 14:01:35-0500'],
    ['GMT+8', '2018-02-07 03:01:35+0800'],
    ['UTC-05:00', '2018-02-06 14:01:35-0500'],
    [NY, '2018-02-06 14:01:35-0500'],
    ['Asia/Kolkata', '2018-02-07 00:31:35+0530'],
  ])('formats in %s', (zone, expected) => {
    expect(time.epochMilliSecondsToFormatted(DOC_MILLIS, 'yyyy-MM-dd HH:mm:ssZ', zone)).toBe(expected);
  });

  it('treats a missing or null zone as UTC', () => {
    expect(time.epochMilliSecondsToFormatted(DOC_MILLIS, 'HH:mm', undefined)).toBe('19:01');
    expect(time.epochMilliSecondsToFormatted(DOC_MILLIS, 'HH:mm', null)).toBe('19:01');
  });

  it.each(['Mars/Olympus', 'PST', 'utc', 'america/new_york', '+25:00', ''])('rejects the unknown zone %j', (zone) => {
    expect(argumentError(() => time.nowFormatted('yyyy', zone)).message).toMatch(/unknown time zone/);
    expect(argumentError(() => time.epochMilliSecondsToFormatted(0, 'yyyy', zone)).message).toContain(zone);
    expect(argumentError(() => time.parseFormattedToEpochMilliSeconds('2018', 'yyyy', zone)).message).toMatch(/zone/);
  });

  it('rejects a zone that is not a string', () => {
    expect(argumentError(() => time.nowFormatted('yyyy', 8 as unknown as string)).message).toMatch(
      /timezone must be a string/
    );
  });

  it('follows daylight saving time', () => {
    const july = Date.UTC(2018, 6, 11, 15, 14, 15);
    expect(time.epochMilliSecondsToFormatted(july, 'HH:mm xxx', NY)).toBe('11:14 -04:00');
    expect(time.epochMilliSecondsToFormatted(july, 'HH:mm xxx', 'Europe/London')).toBe('16:14 +01:00');
  });
});

describe('util.time format patterns (Java DateTimeFormatter, en-US)', () => {
  it.each([
    ['Z', '+0000'],
    ['XXX', 'Z'],
    ['X', 'Z'],
    ['xx', '+0000'],
    ['ZZZZ', 'GMT'],
    ['ZZZZZ', 'Z'],
    ['EEE EEEE E', 'Tue Tuesday Tue'],
    ['MMM MMMM M MM', 'Feb February 2 02'],
    ['a h hh K k H', 'PM 7 07 7 19 19'],
    ['G u yy', 'AD 2018 18'],
    ['D Q', '37 1'],
    ['SSS S SSSSSS', '758 7 758000'],
    ["'literal' ''", "literal '"],
    ['yyyy-MM-dd[ HH:mm]', '2018-02-06 19:01'],
  ])('prints %j in UTC', (pattern, expected) => {
    expect(time.epochMilliSecondsToFormatted(DOC_MILLIS, pattern)).toBe(expected);
  });

  it.each([
    [NY, DOC_MILLIS, 'z zzzz', 'EST Eastern Standard Time'],
    [NY, Date.UTC(2018, 6, 11), 'z zzzz', 'EDT Eastern Daylight Time'],
    ['Europe/London', Date.UTC(2018, 6, 11), 'z', 'BST'],
    ['Europe/Paris', DOC_MILLIS, 'z', 'CET'],
    ['America/Los_Angeles', DOC_MILLIS, 'z', 'PST'],
    ['UTC', DOC_MILLIS, 'z zzzz', 'UTC Coordinated Universal Time'],
    ['GMT', DOC_MILLIS, 'z zzzz', 'GMT Greenwich Mean Time'],
    ['+08:00', DOC_MILLIS, 'z', '+08:00'],
  ])('prints Java’s specific zone names: %s %s %j', (zone, ms, pattern, expected) => {
    expect(time.epochMilliSecondsToFormatted(ms, pattern, zone)).toBe(expected);
  });

  it('leaves z inside quotes alone', () => {
    expect(time.epochMilliSecondsToFormatted(DOC_MILLIS, "'z''s' z", NY)).toBe("z's EST");
  });

  it.each(['B', 'zzzzz', "'open", '{yyyy}', 'yyyy]'])('rejects the invalid pattern %j', (pattern) => {
    const error = argumentError(() => time.epochMilliSecondsToFormatted(DOC_MILLIS, pattern));
    expect(error.message).toMatch(/^util\.time\.epochMilliSecondsToFormatted: invalid date format/);
    expect(argumentError(() => time.nowFormatted(pattern)).message).toMatch(/^util\.time\.nowFormatted: /);
  });

  it('rejects a format that is not a string', () => {
    expect(argumentError(() => time.nowFormatted(undefined as unknown as string)).message).toMatch(
      /format must be a string/
    );
  });
});

describe('util.time epoch conversions', () => {
  it('converts milliseconds to seconds with Java long division', () => {
    expect(time.epochMilliSecondsToSeconds(DOC_MILLIS)).toBe(1517943695);
    expect(time.epochMilliSecondsToSeconds(1999)).toBe(1);
    expect(time.epochMilliSecondsToSeconds(-1500)).toBe(-1);
    expect(time.epochMilliSecondsToSeconds(-999)).toBe(0);
  });

  it('prints ISO 8601 in UTC with milliseconds', () => {
    expect(time.epochMilliSecondsToISO8601(DOC_MILLIS)).toBe('2018-02-06T19:01:35.758Z');
    expect(time.epochMilliSecondsToISO8601(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(time.epochMilliSecondsToISO8601(-1500)).toBe('1969-12-31T23:59:58.500Z');
  });

  it.each([['1517943695758'], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [{}]])(
    'rejects %j as epoch milliseconds',
    (value) => {
      const ms = value as unknown as number;
      expect(argumentError(() => time.epochMilliSecondsToSeconds(ms)).message).toMatch(/epoch milliseconds/);
      expect(argumentError(() => time.epochMilliSecondsToISO8601(ms)).message).toMatch(/epoch milliseconds/);
      expect(argumentError(() => time.epochMilliSecondsToFormatted(ms, 'yyyy')).message).toMatch(/epoch milliseconds/);
    }
  );

  it('rejects milliseconds outside java.time’s range', () => {
    expect(argumentError(() => time.epochMilliSecondsToISO8601(1e20)).message).toMatch(/not a representable/);
  });
});

describe('util.time.parseISO8601ToEpochMilliSeconds', () => {
  it.each([
    ['2018-02-01T17:21:05.180+08:00', 1517476865180], // the guide's example
    ['2018-02-06T19:01:35.758Z', DOC_MILLIS],
    ['2018-02-06T19:01:35Z', 1517943695000],
    ['2018-02-06T19:01Z', 1517943660000],
    ['2018-02-06t19:01:35.758z', DOC_MILLIS],
    ['2018-02-06T14:01:35.758-05:00', DOC_MILLIS],
    ['2018-02-06T14:01:35.758-0500', DOC_MILLIS],
    ['2018-02-06T19:01:35.758999999Z', DOC_MILLIS],
    ['2018-02-06T14:01:35.758[America/New_York]', DOC_MILLIS],
    ['2018-02-06T14:01:35.758-05:00[America/New_York]', DOC_MILLIS],
    ['2018-02-06T19:01:35.758', DOC_MILLIS],
  ])('parses %j', (text, expected) => {
    expect(time.parseISO8601ToEpochMilliSeconds(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2018-02-06',
    '2018-02-06 19:01:35Z',
    '2018-02-30T00:00:00Z',
    '2018-02-06T25:00:00Z',
    '2018-02-06T19:01:35+8',
  ])('rejects %j', (text) => {
    expect(argumentError(() => time.parseISO8601ToEpochMilliSeconds(text)).message).toMatch(
      /^util\.time\.parseISO8601ToEpochMilliSeconds: /
    );
  });

  it('rejects an unknown bracketed zone and a non-string', () => {
    expect(argumentError(() => time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35[Mars/X]')).message).toMatch(
      /Mars\/X/
    );
    expect(argumentError(() => time.parseISO8601ToEpochMilliSeconds(1 as unknown as string)).message).toMatch(
      /must be a string/
    );
  });
});

describe('util.time.parseFormattedToEpochMilliSeconds', () => {
  it('parses the guide’s examples', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(
      1517505562000
    );
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(
      1517505562000
    );
  });

  it('lets an offset in the text win over the zone argument, as Java’s withZone does', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ', NY)).toBe(
      1517505562000
    );
  });

  it('parses text fields, fractions and zone names', () => {
    expect(
      time.parseFormattedToEpochMilliSeconds('Tue, 06 Feb 2018 19:01:35.758 GMT', 'EEE, dd MMM yyyy HH:mm:ss.SSS z')
    ).toBe(DOC_MILLIS);
    expect(time.parseFormattedToEpochMilliSeconds('Tue, 06 Feb 2018 14:01:35 EST', 'EEE, dd MMM yyyy HH:mm:ss z')).toBe(
      1517943695000
    );
    expect(time.parseFormattedToEpochMilliSeconds('06/02/18 07:01 PM', 'dd/MM/yy hh:mm a', 'UTC')).toBe(1517943660000);
  });

  it('resolves DST gaps forward and overlaps to the earlier offset, like ZonedDateTime.ofLocal', () => {
    // 02:30 does not exist on 2018-03-11 in New York: it becomes 03:30 EDT (07:30Z).
    expect(time.parseFormattedToEpochMilliSeconds('2018-03-11 02:30', 'yyyy-MM-dd HH:mm', NY)).toBe(
      Date.UTC(2018, 2, 11, 7, 30)
    );
    // 01:30 happens twice on 2018-11-04: the first one is EDT (05:30Z).
    expect(time.parseFormattedToEpochMilliSeconds('2018-11-04 01:30', 'yyyy-MM-dd HH:mm', NY)).toBe(
      Date.UTC(2018, 10, 4, 5, 30)
    );
  });

  it('reads a date-only pattern as midnight in the zone', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-06', 'yyyy-MM-dd', '+08:00')).toBe(Date.UTC(2018, 1, 5, 16));
  });

  it.each([
    ['2018-02-06', 'yyyy-MM-dd HH:mm', /does not match the format/],
    ['2018-02-06 19:01 extra', 'yyyy-MM-dd HH:mm', /does not match the format/],
    ['feb 06 2018', 'MMM dd yyyy', /does not match the format/],
    ['Wed, 06 Feb 2018', 'EEE, dd MMM yyyy', /does not match the format/],
    ['02-06', 'MM-dd', /complete date/],
    ['2018-02-06 07', 'yyyy-MM-dd hh', /complete time of day/],
    ['2018', 'B', /invalid date format/],
  ])('rejects %j with %j', (text, pattern, message) => {
    expect(argumentError(() => time.parseFormattedToEpochMilliSeconds(text, pattern)).message).toMatch(message);
  });

  it('rejects arguments that are not strings', () => {
    expect(argumentError(() => time.parseFormattedToEpochMilliSeconds(5 as unknown as string, 'yyyy')).message).toMatch(
      /timestamp must be a string/
    );
    expect(
      argumentError(() => time.parseFormattedToEpochMilliSeconds('2018', null as unknown as string)).message
    ).toMatch(/format must be a string/);
  });
});
