import { ParseError, type Warning } from "../../errors.ts";

/** Where problems go: thrown as ParseError (strict) or reported as warnings (lenient). */
export interface Context {
  file: string;
  lenient: boolean;
  warn: (warning: Warning) => void;
}

/** Reports a problem at `line`; throws unless lenient, in which case the caller recovers. */
export function fail(ctx: Context, line: number, expected: string, found?: string): void {
  const error = new ParseError({ file: ctx.file, line: Math.max(1, line) }, expected, found);
  if (!ctx.lenient) throw error;
  ctx.warn({ file: ctx.file, line: Math.max(1, line), message: error.message });
}

/**
 * Reports a fault in something the page only illustrates (an example whose JSON is broken in the
 * docs themselves): a warning in strict mode too, since no field or schema depends on it.
 */
export function note(ctx: Context, line: number, expected: string, found?: string): void {
  const error = new ParseError({ file: ctx.file, line: Math.max(1, line) }, expected, found);
  ctx.warn({ file: ctx.file, line: Math.max(1, line), message: error.message });
}

/** Creates a context from the parser options. */
export function makeContext(
  file: string,
  lenient: boolean | undefined,
  warn: ((warning: Warning) => void) | undefined,
): Context {
  return { file, lenient: lenient === true, warn: warn ?? (() => {}) };
}

/** The context for a reading whose faults are no fault of the page's reference: lenient, silent. */
export function quietly(ctx: Context): Context {
  return { ...ctx, lenient: true, warn: () => {} };
}
