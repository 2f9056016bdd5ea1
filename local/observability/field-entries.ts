import type { DataSource } from '../engine/data-sources.js';
import type { FieldOutcome, LoadedResolver } from '../engine/resolver-executor.js';
import type { FieldLogLevel } from './api-log.js';
import { attributeCalls } from './field-steps.js';

/** A resolved field as the engine recorded it (OperationContext.outcomes). */
export interface ResolvedField {
  path: readonly (string | number)[];
  outcome: FieldOutcome;
  coordinate?: string;
  returnType?: string;
  arguments?: Record<string, unknown>;
  startedAt?: number;
  durationMs?: number;
}

export interface FieldLogContext {
  requestId: string;
  level: FieldLogLevel;
  /** performance.now() when the request arrived: tracing offsets count from it. */
  requestStart: number;
  resolverOf(coordinate: string): LoadedResolver | undefined;
  dataSourceName(dataSource: DataSource): string | undefined;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
const json = (text: string | undefined): unknown => (text === undefined ? null : JSON.parse(text));

/**
 * The field-level entries AppSync writes at a log level. ERROR: only the fields in error, each handler call with
 * its evaluated result, context and error, and what the handlers logged. INFO and DEBUG add what every field's
 * handlers logged (`console.*`; the runtime does not record which method, so both levels show all of it). ALL:
 * every field's calls and a Tracing entry (offset and duration) per field.
 */
export function fieldEntries(fields: readonly ResolvedField[], context: FieldLogContext): Record<string, unknown>[] {
  const { level } = context;
  if (level === 'NONE') return [];
  const entries: Record<string, unknown>[] = [];
  for (const field of fields) {
    const inError = field.outcome.error !== undefined || field.outcome.appendedErrors.length > 0;
    const full = level === 'ALL' || inError;
    const [parentType, fieldName] = (field.coordinate ?? '.').split('.');
    const base = { requestId: context.requestId, path: field.path, parentType, fieldName, fieldInError: inError };
    const resolver = field.coordinate ? context.resolverOf(field.coordinate) : undefined;
    const calls = resolver ? attributeCalls(resolver, field.outcome.calls ?? []) : [];
    for (const { call, functionName, dataSource } of calls) {
      const common = { ...base, resolver: field.coordinate, ...(functionName !== undefined ? { functionName } : {}) };
      if (full) {
        entries.push({
          logType: call.fn === 'request' ? 'RequestFunction' : 'ResponseFunction',
          ...common,
          dataSource: dataSource ? (context.dataSourceName(dataSource) ?? null) : null,
          durationMs: round(call.durationMs),
          context: { arguments: field.arguments ?? {}, ...call.input },
          ...(call.outcome.failure ? { error: call.outcome.failure } : { evaluationResult: json(call.outcome.result) }),
          ...(call.outcome.earlyReturn ? { earlyReturn: true } : {}),
        });
      }
      if (full || level === 'INFO' || level === 'DEBUG') {
        for (const message of call.outcome.record.logs) entries.push({ logType: 'ResolverLog', ...common, message });
      }
    }
    if (level === 'ALL' && field.startedAt !== undefined) {
      entries.push({
        logType: 'Tracing',
        ...base,
        returnType: field.returnType ?? null,
        startOffsetMs: round(field.startedAt - context.requestStart),
        durationMs: round(field.durationMs ?? 0),
      });
    }
  }
  return entries;
}
