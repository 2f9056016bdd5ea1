/**
 * What happened to money, one entry per event, for tests and operators: `authorization` (held), `capture`
 * (taken; `released` is what a partial capture let go), `cancel` and `expiry` (the hold released: `amount` is
 * what was still held, 0 when nothing was), `refund` (given back), `decline` (nothing moved; `amount` is what
 * was asked). Kept in the journal beside the objects, so it survives a restart.
 */
export type LedgerKind = 'authorization' | 'capture' | 'cancel' | 'expiry' | 'refund' | 'decline';

export interface LedgerEntry {
  sequence: number;
  /** ISO 8601, on the endpoint's clock; an expiry is dated when the authorization ended. */
  at: string;
  kind: LedgerKind;
  payment_intent: string;
  amount: number;
  currency: string;
  charge?: string;
  refund?: string;
  released?: number;
  /** The cancellation or refund reason, or the decline code. */
  reason?: string;
  /** The PaymentIntent's metadata at the time (an order id, say), to find an order's entries. */
  metadata: Record<string, string>;
  request_id?: string;
}

export interface LedgerFilter {
  paymentIntent?: string;
  /** Every key given must match the entry's metadata. */
  metadata?: Record<string, string>;
}

export interface LedgerTotals {
  authorized: number;
  captured: number;
  released: number;
  refunded: number;
}

export function filterLedger(entries: readonly LedgerEntry[], filter: LedgerFilter = {}): LedgerEntry[] {
  return entries.filter(
    (entry) =>
      (filter.paymentIntent === undefined || entry.payment_intent === filter.paymentIntent) &&
      Object.entries(filter.metadata ?? {}).every(([key, value]) => entry.metadata[key] === value),
  );
}

/** Sums by currency: what was held, taken, let go and given back. */
export function ledgerTotals(entries: readonly LedgerEntry[]): Record<string, LedgerTotals> {
  const totals: Record<string, LedgerTotals> = {};
  for (const entry of entries) {
    const sums = (totals[entry.currency] ??= { authorized: 0, captured: 0, released: 0, refunded: 0 });
    if (entry.kind === 'authorization') sums.authorized += entry.amount;
    if (entry.kind === 'capture') sums.captured += entry.amount;
    if (entry.kind === 'cancel' || entry.kind === 'expiry') sums.released += entry.amount;
    if (entry.kind === 'capture') sums.released += entry.released ?? 0;
    if (entry.kind === 'refund') sums.refunded += entry.amount;
  }
  return totals;
}
