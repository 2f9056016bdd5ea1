import { describe, expect, it } from 'vitest';
import { JOURNEY_PATHS, readJourneyDefinition, walk } from '../../app/journey-paths.js';
import {
  expressEquivalent,
  FIXED_MONTHLY,
  monthlyCost,
  ORDER_WRITES,
  orderActivity,
  orderWriteUnits,
  perOrderCost,
  total,
  tracesRecorded,
  typicalJourney,
} from './cost-model.js';

/**
 * The figures docs/cost.md quotes, held to the model that computes them: a change to the journey, the order item or
 * a price that moves one fails here, and the doc is brought up to date with `npx tsx test/cost/cost-model.ts`.
 */
describe('one typical order', () => {
  it('takes its journey’s transitions from the definition: 14 for two looks', () => {
    expect(typicalJourney().transitions).toBe(walk(readJourneyDefinition(), JOURNEY_PATHS.delivered(2)).transitions);
    expect(orderActivity('createOrder')).toMatchObject({ transitions: 14, journeyInvocations: 4, apiRequests: 16, realtimeUpdates: 17, readUnits: 22.5, executionLogEvents: 43 });
  });

  it('writes 52 units: status changes move the item in both indexes, a delete and a put in each', () => {
    expect(ORDER_WRITES.map(orderWriteUnits)).toEqual([3, 3, 6, 10, 10, 10, 10]);
    expect(orderActivity('createOrder').writeUnits).toBe(52);
  });

  it('costs $0.526 per 1,000 orders in what scales with orders, two thirds of it Step Functions', () => {
    const cost = perOrderCost('createOrder');
    expect(total(cost) * 1000).toBeCloseTo(0.5261, 4);
    expect(cost['Step Functions'] * 1000).toBeCloseTo(0.35, 6);
    expect(cost.AppSync * 1000).toBeCloseTo(0.1103, 4);
    expect(cost.DynamoDB * 1000).toBeCloseTo(0.0365, 4);
    expect(cost['Step Functions'] / total(cost)).toBeCloseTo(0.665, 3);
    expect(total(perOrderCost('submitOrder')) * 1000).toBeCloseTo(0.5329, 4);
  });

  it('would cost 8 times as much on Express, could Express run it', () => {
    expect(expressEquivalent(45)).toBeCloseTo(0.00281, 5);
  });
});

describe('a month', () => {
  it('has $13.83 of fixed costs', () => {
    expect(total(FIXED_MONTHLY)).toBeCloseTo(13.83, 2);
  });

  it('totals $19.83 at 10k orders, $555.76 at 1M, $52,964 at 100M (createOrder); submitOrder a little more', () => {
    expect(total(monthlyCost(10_000))).toBeCloseTo(19.83, 2);
    expect(total(monthlyCost(1_000_000))).toBeCloseTo(555.76, 2);
    expect(total(monthlyCost(100_000_000))).toBeCloseTo(52_964.17, 2);
    expect(total(monthlyCost(10_000, 'submitOrder'))).toBeCloseTo(19.89, 2);
    expect(total(monthlyCost(1_000_000, 'submitOrder'))).toBeCloseTo(562.51, 2);
    expect(total(monthlyCost(100_000_000, 'submitOrder'))).toBeCloseTo(53_639.44, 2);
  });

  it('samples traces by X-Ray’s default rule: every request at 10k orders, 5% past one a second', () => {
    expect(tracesRecorded(10_000)).toBe(130_000);
    expect(tracesRecorded(100_000_000) / (13 * 100_000_000)).toBeCloseTo(0.052, 3);
  });
});
