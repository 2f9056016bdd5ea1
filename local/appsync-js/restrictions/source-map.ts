import { SourceMapConsumer, type RawSourceMapInput } from 'source-map-js';

/** A 1-based line and column, as ESLint and AppSync's `CodeErrorLocation` count them. */
export interface Position {
  line: number;
  column: number;
}

export interface OriginalPosition extends Position {
  file: string;
}

export type PositionMapper = (position: Position) => OriginalPosition | undefined;

const INLINE_MAP = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Reads the inline source map esbuild appends to a bundle. A missing or unreadable map is not an error: the
 * positions are then reported in the bundle itself, as AppSync does for code uploaded without a map.
 */
export function inlineSourceMapper(code: string): PositionMapper | undefined {
  const match = INLINE_MAP.exec(code);
  if (!match?.[1]) return undefined;
  let consumer: SourceMapConsumer;
  try {
    const raw = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as RawSourceMapInput;
    if (!Array.isArray(raw.sources) || typeof raw.mappings !== 'string') return undefined;
    consumer = new SourceMapConsumer(raw);
  } catch {
    return undefined;
  }
  return (position) => {
    // source-map columns are 0-based. A node often starts at indentation that carries no mapping of its own, so
    // fall forward to the next mapped token on the line when nothing lies at or before the position.
    const generated = { line: position.line, column: Math.max(0, position.column - 1) };
    for (const bias of [SourceMapConsumer.GREATEST_LOWER_BOUND, SourceMapConsumer.LEAST_UPPER_BOUND]) {
      const original = consumer.originalPositionFor({ ...generated, bias });
      if (original.source !== null && original.line !== null && original.column !== null) {
        return { file: original.source, line: original.line, column: original.column + 1 };
      }
    }
    return undefined;
  };
}
