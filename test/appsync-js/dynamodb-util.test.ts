import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { UtilArgumentError } from '../../local/appsync-js/errors.js';
import { dynamodbUtil as ddb } from '../../local/appsync-js/util/dynamodb.js';

// https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
describe('util.dynamodb', () => {
  it('converts values built in another realm (resolver code runs in a vm context)', () => {
    const foreign = runInNewContext('({ list: [1, "a", { b: null }], flag: true })') as unknown;
    expect(ddb.toDynamoDB(foreign)).toEqual({
      M: { list: { L: [{ N: 1 }, { S: 'a' }, { M: { b: { NULL: null } } }] }, flag: { BOOL: true } },
    });
    expect(ddb.toList(runInNewContext('["x"]'))).toEqual({ L: [{ S: 'x' }] });
  });

  it('drops map entries holding undefined, as JSON does', () => {
    expect(ddb.toMapValues({ a: 1, b: undefined })).toEqual({ a: { N: 1 } });
  });

  it('answers null for a null or missing argument (the typed helpers return `| null`)', () => {
    expect(ddb.toString(null)).toBeNull();
    expect(ddb.toString(undefined)).toBeNull();
    expect(ddb.toNumber(null)).toBeNull();
    expect(ddb.toStringSet(null)).toBeNull();
    expect(ddb.toList(undefined)).toBeNull();
    expect(ddb.toMapValues(null)).toBeNull();
  });

  it('rejects a value of the wrong type instead of coercing it', () => {
    expect(() => ddb.toString(12)).toThrow(UtilArgumentError);
    expect(() => ddb.toNumber('12')).toThrow(UtilArgumentError);
    expect(() => ddb.toBoolean('true')).toThrow(UtilArgumentError);
    expect(() => ddb.toStringSet(['a', 1])).toThrow(UtilArgumentError);
    expect(() => ddb.toNumberSet('1')).toThrow(UtilArgumentError);
    expect(() => ddb.toList({ a: 1 })).toThrow(UtilArgumentError);
    expect(() => ddb.toMap(['a'])).toThrow(UtilArgumentError);
    // resolver code may leave out the region; AppSync's signature requires it
    expect(() => (ddb.toS3Object as (...args: unknown[]) => unknown)('k', 'b')).toThrow(UtilArgumentError);
  });

  it('keeps numbers as JSON numbers in sets too', () => {
    expect(ddb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
  });

  it('round-trips an S3 object (toS3Object → fromS3ObjectJson), also from the attribute itself', () => {
    const attribute = ddb.toS3Object('key', 'bucket', 'us-east-1', 'v2');
    expect(ddb.fromS3ObjectJson(attribute)).toEqual({ key: 'key', bucket: 'bucket', region: 'us-east-1', version: 'v2' });
  });

  it('rejects a string that is not an S3 object', () => {
    expect(() => ddb.fromS3ObjectJson('not json')).toThrow(UtilArgumentError);
    expect(() => ddb.fromS3ObjectJson('{"key":"k"}')).toThrow(UtilArgumentError);
    expect(() => ddb.fromS3ObjectJson(42)).toThrow(UtilArgumentError);
  });

  it('keeps an attribute named __proto__ as an attribute (JSON.parse makes it an own key)', () => {
    const values = ddb.toMapValues(JSON.parse('{"__proto__": "x", "a": 1}'));
    expect(Object.keys(values ?? {})).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(values)).toBe('{"__proto__":{"S":"x"},"a":{"N":1}}');
  });

  it('cannot be altered by resolver code (one worker serves many evaluations)', () => {
    expect(Object.isFrozen(ddb)).toBe(true);
  });

  it('toMap(obj).M is exactly toMapValues(obj)', () => {
    const value = { a: 'x', b: [1, { c: false }] };
    expect(ddb.toMap(value)?.['M']).toEqual(ddb.toMapValues(value));
  });
});
