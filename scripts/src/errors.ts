/**
 * A user-facing failure: bad input, a spec conflict, an invalid result. The CLI prints `message`
 * (never a stack trace) and exits 1. Anything else that escapes is a bug in the pipeline.
 */
export class PipelineError extends Error {
  override name = "PipelineError";
}

/** Where in which input something went wrong, and what was expected there. */
export interface ErrorLocation {
  /** Path of the input as the user knows it (repo-relative where possible). */
  file: string;
  /** 1-based line number, when known. */
  line?: number | undefined;
}

/** An input document could not be parsed: names the file, the line, what was expected and found. */
export class ParseError extends PipelineError {
  override name = "ParseError";
  readonly file: string;
  readonly line: number | undefined;
  readonly expected: string;
  readonly found: string | undefined;

  constructor(at: ErrorLocation, expected: string, found?: string) {
    super(formatLocated(at, expected, found));
    this.file = at.file;
    this.line = at.line;
    this.expected = expected;
    this.found = found;
  }
}

/** `file:line: expected X, found "Y"` — the one shape every located error takes. */
export function formatLocated(at: ErrorLocation, expected: string, found?: string): string {
  const where = at.line === undefined ? at.file : `${at.file}:${at.line}`;
  const what =
    found === undefined ? `expected ${expected}` : `expected ${expected}, found ${quote(found)}`;
  return `${where}: ${what}`;
}

function quote(text: string): string {
  const oneLine = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(oneLine);
}

/** A non-fatal problem reported in `--lenient` mode. */
export interface Warning {
  file: string;
  line?: number | undefined;
  /** The whole located message (`file:line: expected X, found "Y"`), ready to print. */
  message: string;
}
