import { isMap, LineCounter, parseDocument } from "yaml";
import { ParseError } from "./errors.ts";
import type { OpenAPIDocument } from "./sources/types.ts";

/**
 * Parses YAML (or JSON, which is YAML) into plain data. Syntax errors become a ParseError on the
 * right line of `file`: `firstLine` is where `text` starts inside that file (1-based).
 */
export function parseYamlAt(text: string, file: string, firstLine = 1): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const at = openedFlowLine(text, problem.message, lineCounter.linePos(problem.pos[0]).line);
    const line = at + firstLine - 1;
    const found = text.split("\n")[line - firstLine]?.trim() ?? "";
    throw new ParseError({ file, line }, `valid YAML (${firstSentence(problem.message)})`, found);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws (not reports) an alias to an anchor defined later or never, and alias bombs.
    const message = error instanceof Error ? error.message : String(error);
    const alias = /: (\S+)$/.exec(message)?.[1];
    const at =
      alias === undefined ? -1 : text.split("\n").findIndex((l) => l.includes(`*${alias}`));
    const line = Math.max(at, 0) + firstLine;
    const found = text.split("\n")[line - firstLine]?.trim() ?? "";
    throw new ParseError({ file, line }, `valid YAML (${firstSentence(message)})`, found);
  }
}

/** Parses YAML that must be a mapping (an object), as every OpenAPI document and config is. */
export function parseYamlObject(text: string, file: string, firstLine = 1): OpenAPIDocument {
  const value = parseYamlAt(text, file, firstLine);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ParseError({ file, line: firstLine }, "a YAML mapping", describe(value));
  }
  return value as OpenAPIDocument;
}

/** Line (1-based, within the YAML text) of a top-level key, for errors about that key. */
export function lineOfKey(text: string, key: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const k = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (k?.value === key && k.range) return lineCounter.linePos(k.range[0]).line;
  }
  return undefined;
}

/**
 * The parser reports an unclosed flow collection (`tags: [a, b` with no `]`) where it noticed,
 * on the line after; the line that opened it is the one to fix. Lines are 1-based in `text`.
 */
function openedFlowLine(text: string, message: string, reported: number): number {
  const kind = /Flow (sequence|mapping)/.exec(message)?.[1];
  if (kind === undefined) return reported;
  const [open, close] = kind === "sequence" ? ["[", "]"] : ["{", "}"];
  const lines = text.split("\n");
  for (let i = reported - 1; i >= 1 && i >= reported - 50; i--) {
    const line = lines[i - 1] ?? "";
    if (line.split(open).length > line.split(close).length) return i;
  }
  return reported;
}

function firstSentence(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "an empty document";
  if (Array.isArray(value)) return "a list";
  return String(value).slice(0, 60);
}
