import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PaymentsDataError } from './errors.js';
import type { IdempotencyRecord } from './idempotency.js';
import type { LedgerEntry } from './ledger.js';
import type { IntentRecord, PaymentMethodRecord, RefundRecord } from './records.js';

type JournalLine =
  | { intent: IntentRecord }
  | { refund: RefundRecord }
  | { paymentMethod: PaymentMethodRecord }
  | { ledger: LedgerEntry }
  | { idempotency: IdempotencyRecord };

/**
 * The endpoint's state in `<dataDir>/payments/journal.jsonl`: one JSON line per new version of an object, ledger
 * entry or saved idempotent answer, the last version of each winning when the file is read at start. What one
 * request changed is appended in one write before its answer is sent, so an answer the SDK received is never lost
 * by a restart; a line cut short by a kill mid-write is the last one, and is skipped. The file is rewritten with
 * only the newest versions when it has grown to more than twice that.
 */
export class PaymentStore {
  private readonly intents = new Map<string, IntentRecord>();
  private readonly refunds = new Map<string, RefundRecord>();
  private readonly paymentMethods = new Map<string, PaymentMethodRecord>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private readonly entries: LedgerEntry[] = [];
  /** Every charge id an intent was given (failed attempts too), for refunds that name the charge. */
  private readonly charges = new Map<string, string>();
  /** Intents holding an authorization, checked for expiry on every request. */
  private readonly authorized = new Set<string>();
  private staged: JournalLine[] = [];
  private readonly path: string;

  constructor(dataDir: string, keepIdempotencyAfter: number) {
    const dir = join(dataDir, 'payments');
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, 'journal.jsonl');
    const { lines, torn } = this.load();
    for (const [key, record] of this.idempotency) if (record.created < keepIdempotencyAfter) this.idempotency.delete(key);
    // A cut line must not stay in the middle of the file once more lines are appended after it.
    if (torn || lines > 2 * this.size() + 100) this.compact();
    this.staged = [];
  }

  intent(id: string): IntentRecord | undefined {
    return this.intents.get(id);
  }

  refund(id: string): RefundRecord | undefined {
    return this.refunds.get(id);
  }

  intentOfCharge(chargeId: string): IntentRecord | undefined {
    const intentId = this.charges.get(chargeId);
    return intentId === undefined ? undefined : this.intents.get(intentId);
  }

  paymentMethod(id: string): PaymentMethodRecord | undefined {
    return this.paymentMethods.get(id);
  }

  authorizedIntents(): IntentRecord[] {
    return [...this.authorized].map((id) => this.intents.get(id)).filter((intent) => intent !== undefined);
  }

  idempotencyRecord(key: string): IdempotencyRecord | undefined {
    return this.idempotency.get(key);
  }

  ledger(): readonly LedgerEntry[] {
    return this.entries;
  }

  saveIntent(intent: IntentRecord): void {
    this.intents.set(intent.id, intent);
    if (intent.latestCharge) this.charges.set(intent.latestCharge, intent.id);
    if (intent.status === 'requires_capture') this.authorized.add(intent.id);
    else this.authorized.delete(intent.id);
    this.staged.push({ intent });
  }

  saveRefund(refund: RefundRecord): void {
    this.refunds.set(refund.id, refund);
    this.staged.push({ refund });
  }

  savePaymentMethod(paymentMethod: PaymentMethodRecord): void {
    this.paymentMethods.set(paymentMethod.id, paymentMethod);
    this.staged.push({ paymentMethod });
  }

  saveIdempotency(record: IdempotencyRecord): void {
    this.idempotency.set(record.key, record);
    this.staged.push({ idempotency: record });
  }

  record(entry: Omit<LedgerEntry, 'sequence'>): LedgerEntry {
    const ledger = { sequence: this.entries.length + 1, ...entry };
    this.entries.push(ledger);
    this.staged.push({ ledger });
    return ledger;
  }

  /** Writes what was saved since the last commit, in one append. */
  commit(): void {
    if (this.staged.length === 0) return;
    const text = this.staged.map((line) => `${JSON.stringify(line)}\n`).join('');
    this.staged = [];
    appendFileSync(this.path, text);
  }

  private load(): { lines: number; torn: boolean } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, torn: false };
      throw error;
    }
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const torn = text.length > 0 && !text.endsWith('\n');
    lines.forEach((line, index) => {
      let parsed: JournalLine;
      try {
        parsed = JSON.parse(line) as JournalLine;
      } catch {
        // Only the last line can be cut short (by a kill mid-append); anything else is a damaged file.
        if (index === lines.length - 1 && torn) return;
        throw new PaymentsDataError(`${this.path}, line ${index + 1}: not JSON (move the file away to start with no payments)`);
      }
      this.apply(parsed);
    });
    return { lines: lines.length, torn };
  }

  private apply(line: JournalLine): void {
    if ('intent' in line) this.saveIntent(line.intent);
    else if ('refund' in line) this.saveRefund(line.refund);
    else if ('paymentMethod' in line) this.savePaymentMethod(line.paymentMethod);
    else if ('ledger' in line) this.entries.push(line.ledger);
    else if ('idempotency' in line) this.saveIdempotency(line.idempotency);
  }

  private size(): number {
    return this.intents.size + this.refunds.size + this.paymentMethods.size + this.entries.length + this.idempotency.size;
  }

  private compact(): void {
    const lines: JournalLine[] = [
      ...[...this.paymentMethods.values()].map((paymentMethod) => ({ paymentMethod })),
      ...[...this.intents.values()].map((intent) => ({ intent })),
      ...[...this.refunds.values()].map((refund) => ({ refund })),
      ...this.entries.map((ledger) => ({ ledger })),
      ...[...this.idempotency.values()].map((idempotency) => ({ idempotency })),
    ];
    writeFileSync(`${this.path}.tmp`, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    renameSync(`${this.path}.tmp`, this.path);
  }
}
