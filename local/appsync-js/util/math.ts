import { randomBytes, randomInt } from 'node:crypto';
import { UtilArgumentError } from '../errors.js';
import { requireNumber } from './arg-checks.js';

/**
 * `util.math` (d.ts of @aws-appsync/utils; contracts from
 * https://docs.aws.amazon.com/appsync/latest/devguide/math-helpers-in-util-math.html).
 */

// Java's Math.round(double) returns a long: NaN gives 0 and infinities saturate.
const LONG_MAX = 9223372036854775807;

function roundNum(input: unknown): number {
  const value = requireNumber('util.math.roundNum', input);
  if (Number.isNaN(value)) return 0;
  if (!Number.isFinite(value)) return value > 0 ? LONG_MAX : -LONG_MAX;
  return Math.round(value);
}

const isInt32 = (n: number): boolean => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

function randomDouble(): number {
  // 53 random bits: every double in [0, 1) that a uniform draw can give.
  const bits = randomBytes(8).readBigUInt64BE(0) >> 11n;
  return Number(bits) / 2 ** 53;
}

/**
 * An integer from `start` (included) up to `end` (excluded), or `start` when both are equal, as Java's
 * `RandomUtils.nextInt(start, end)`; a reversed range is an error there too.
 */
function randomWithinRange(start: unknown, end: unknown): number {
  const low = Math.trunc(requireNumber('util.math.randomWithinRange', start, 'start'));
  const high = Math.trunc(requireNumber('util.math.randomWithinRange', end, 'end'));
  // The guide types both bounds as Integer (32-bit in Java).
  if (!isInt32(low) || !isInt32(high)) {
    throw new UtilArgumentError('util.math.randomWithinRange: the range bounds must be 32-bit integers');
  }
  if (low > high) throw new UtilArgumentError(`util.math.randomWithinRange: start ${low} is greater than end ${high}`);
  return low === high ? low : randomInt(low, high);
}

export const math = {
  roundNum,
  minVal: (a: unknown, b: unknown): number =>
    Math.min(requireNumber('util.math.minVal', a), requireNumber('util.math.minVal', b)),
  maxVal: (a: unknown, b: unknown): number =>
    Math.max(requireNumber('util.math.maxVal', a), requireNumber('util.math.maxVal', b)),
  randomDouble,
  randomWithinRange,
};
