/**
 * Errors raised while evaluating APPSYNC_JS code. The GraphQL engine reads `errorType`, `data` and `info`
 * exactly as AppSync does for `util.error(message, type, data, info)`.
 */
export class ResolverError extends Error {
  override readonly name = 'ResolverError';
  constructor(
    message: string,
    readonly errorType: string | undefined,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
  }
}

/** `util.unauthorized()`: AppSync reports it as an Unauthorized error on the field. */
export class UnauthorizedError extends ResolverError {
  constructor() {
    super('Unauthorized', 'Unauthorized');
  }
}

/**
 * A built-in utility was called with arguments AppSync rejects (a malformed date, a bad pattern, …). The resolver
 * cannot catch it (APPSYNC_JS has no try/catch), so it ends the evaluation like any runtime error.
 */
export class UtilArgumentError extends Error {
  override readonly name = 'UtilArgumentError';
}

/** Used internally by `runtime.earlyReturn`: it unwinds the resolver stack, which user code cannot intercept. */
export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: 'END' | 'NEXT' | undefined,
  ) {}
}

/** Code that APPSYNC_JS refuses to load, with where and why. */
export interface CodeError {
  errorType: string;
  value: string;
  location: { line: number; column: number; span: number };
  file?: string;
  rule?: string;
}

export class CodeRefusedError extends Error {
  override readonly name = 'CodeRefusedError';
  constructor(readonly codeErrors: CodeError[]) {
    super(
      codeErrors
        .map((e) => `${e.file ?? 'code'}:${e.location.line}:${e.location.column} ${e.rule ?? e.errorType}: ${e.value}`)
        .join('\n'),
    );
  }
}
