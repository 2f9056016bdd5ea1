import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorize, type PaymentsServer, startPaymentsServer } from './payments-fixture.js';

const servers: PaymentsServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

const start = async (dataDir?: string): Promise<PaymentsServer> => {
  const server = await startPaymentsServer(dataDir ? { dataDir } : {});
  servers.push(server);
  return server;
};

const stop = async (server: PaymentsServer): Promise<string> => {
  servers.splice(servers.indexOf(server), 1);
  await server.close({ keepDataDir: true });
  return server.dataDir;
};

describe('the payments endpoint across a restart (same data dir)', () => {
  it('keeps intents, refunds, the ledger and saved idempotent answers', async () => {
    const before = await start();
    const held = await authorize(before.stripe, 4000, 'pm_card_visa', { order_id: 'r-1' }, { idempotencyKey: 'r-1-authorize' });
    const paid = await before.stripe.paymentIntents.capture((await authorize(before.stripe, 1000)).id);
    const refund = await before.stripe.refunds.create({ payment_intent: paid.id, amount: 400 });
    const ledger = before.payments.ledger();

    const after = await start(await stop(before));
    expect(await after.stripe.paymentIntents.retrieve(held.id)).toMatchObject({ status: 'requires_capture', amount_capturable: 4000, metadata: { order_id: 'r-1' } });
    expect(await after.stripe.refunds.retrieve(refund.id)).toMatchObject({ amount: 400 });
    expect(after.payments.ledger()).toEqual(ledger);
    // The retry of a request answered before the restart gets that answer, not a second authorization.
    expect((await authorize(after.stripe, 4000, 'pm_card_visa', { order_id: 'r-1' }, { idempotencyKey: 'r-1-authorize' })).id).toBe(held.id);
    expect(await after.stripe.paymentIntents.capture(held.id)).toMatchObject({ status: 'succeeded' });
    // What was refunded before counts after: 600 left of 1000.
    expect(await after.stripe.refunds.create({ payment_intent: paid.id })).toMatchObject({ amount: 600 });
    expect(after.payments.ledger().map((entry) => entry.sequence)).toEqual(after.payments.ledger().map((_, index) => index + 1));
  });

  it('starts after a kill that cut the last line short, and appends after it cleanly', async () => {
    const before = await start();
    const held = await authorize(before.stripe, 1200);
    const dataDir = await stop(before);
    const journal = join(dataDir, 'payments', 'journal.jsonl');
    appendFileSync(journal, '{"intent":{"id":"pi_cut');

    const after = await start(dataDir);
    expect((await after.stripe.paymentIntents.retrieve(held.id)).status).toBe('requires_capture');
    await after.stripe.paymentIntents.capture(held.id);
    const again = await start(await stop(after));
    expect((await again.stripe.paymentIntents.retrieve(held.id)).status).toBe('succeeded');
    expect(readFileSync(journal, 'utf8')).not.toContain('pi_cut');
  });
});
