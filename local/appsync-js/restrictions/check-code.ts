import type { CodeError } from '../errors.js';
import { lintBundle } from './linter.js';
import { inlineSourceMapper, type Position, type PositionMapper } from './source-map.js';
import { strictParseFailure } from './strict-parse.js';

/** The `errorType` values of AppSync's `EvaluateCode` `CodeError` (API reference: "LINT_ERROR, PARSER_ERROR"). */
export const LINT_ERROR = 'LINT_ERROR';
export const PARSER_ERROR = 'PARSER_ERROR';

interface Span {
  start: Position;
  end?: Position | undefined;
}

/**
 * Checks an APPSYNC_JS bundle against what the runtime refuses to load: code that does not parse as a strict ES
 * module, and the constructs of the guide's "Supported runtime features" page that are not supported (the
 * `@aws-appsync/eslint-plugin` base rules plus this runtime's own, see `rules/`). Returns an empty list for code
 * that may run. Positions point into the original sources when the bundle carries an inline source map.
 */
export function checkCode(code: string, fileLabel?: string): CodeError[] {
  const locate = locator(code, inlineSourceMapper(code), fileLabel);
  const messages = lintBundle(code);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) {
    return [{ errorType: PARSER_ERROR, value: fatal.message, ...locate({ start: fatal }) }];
  }
  const strict = strictParseFailure(code);
  if (strict) {
    return [{ errorType: PARSER_ERROR, value: `Parsing error: ${strict.message}`, ...locate({ start: strict }) }];
  }
  const seen = new Set<string>();
  const errors: CodeError[] = [];
  for (const message of messages) {
    // Only rule errors refuse code; ESLint's own notices (e.g. about ignored inline directives) are warnings.
    if (message.severity !== 2 || !message.ruleId) continue;
    const end =
      message.endLine !== undefined && message.endColumn !== undefined
        ? { line: message.endLine, column: message.endColumn }
        : undefined;
    const error: CodeError = {
      errorType: LINT_ERROR,
      value: message.message,
      ...locate({ start: message, end }),
      rule: message.ruleId,
    };
    const key = `${error.rule}|${error.file}|${error.location.line}|${error.location.column}|${error.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  }
  return errors;
}

type Located = Pick<CodeError, 'location' | 'file'>;

function locator(code: string, mapper: PositionMapper | undefined, fileLabel: string | undefined) {
  const lineOffsets = lineStartOffsets(code);
  const offset = (p: Position): number => (lineOffsets[p.line - 1] ?? code.length) + p.column - 1;
  const inBundle = (span: Span): Located => ({
    location: {
      line: span.start.line,
      column: span.start.column,
      span: span.end ? Math.max(0, offset(span.end) - offset(span.start)) : -1,
    },
    ...(fileLabel !== undefined ? { file: fileLabel } : {}),
  });
  return (span: Span): Located => {
    const bundled = inBundle(span);
    const start = mapper?.({ line: span.start.line, column: span.start.column });
    if (!start) return bundled;
    const end = span.end ? mapper?.(span.end) : undefined;
    // Without the sources a multi-line node has no measurable length in them; its length in the bundle stands in.
    const sameLine = end && end.file === start.file && end.line === start.line && end.column > start.column;
    const length = sameLine ? end.column - start.column : bundled.location.span;
    return { location: { line: start.line, column: start.column, span: length }, file: start.file };
  };
}

function lineStartOffsets(code: string): number[] {
  const offsets = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) offsets.push(i + 1);
  return offsets;
}
