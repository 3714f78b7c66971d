import { isLanguageType, parseTypeLine, type TypeLine } from "../model/type-line.ts";
import { mintlifySpelling } from "../model/type-spelling.ts";

/**
 * Reads the `type` attribute of a field: every Mintlify spelling (`string`, `enum<string>[]`,
 * `integer<int64> | null`, `Name · object`), plus what hand-written pages write instead
 * (`String`, `int`, `[object]`, `Array<string>`, `List[str]`, `User Object`, `timestamp`), and
 * a model's own name (`OpenAIChatRequest`) as any value.
 */
export function readTypeAttribute(text: string): TypeLine {
  if (isLanguageType(text)) return { kind: "type", schema: {}, named: [] };
  const limited = withLimits(text);
  if (limited !== undefined) return limited;
  const direct = parseTypeLine(text);
  if (direct.kind === "type") return direct;
  const normalized = mintlifySpelling(text);
  if (normalized === undefined) return invalid(text, direct);
  const again = parseTypeLine(normalized);
  return again.kind === "type" ? again : invalid(text, again);
}

// `number · min: 2 · max: 256`: limits a generator put after the type, as pills.
const LIMIT = /^(min|max)\s*:\s*(-?\d+(?:\.\d+)?)$/i;

/** The type before `·`-separated limits, with the limits as its keywords; undefined otherwise. */
function withLimits(text: string): TypeLine | undefined {
  const [head = "", ...notes] = text.split(/\s*·\s*/);
  if (notes.length === 0 || !notes.every((n) => LIMIT.test(n))) return undefined;
  const read = readTypeAttribute(head);
  if (read.kind !== "type") return read;
  const types = [read.schema.type].flat();
  const [low, high] = types.includes("string")
    ? ["minLength", "maxLength"]
    : types.includes("array")
      ? ["minItems", "maxItems"]
      : ["minimum", "maximum"];
  const schema = { ...read.schema };
  for (const note of notes) {
    const [, side, value] = LIMIT.exec(note) as RegExpExecArray;
    schema[(side as string).toLowerCase() === "min" ? (low as string) : (high as string)] =
      Number(value);
  }
  return { ...read, schema };
}

/**
 * `"stock" | "etf" | "all"`: a TypeScript union of string literals, an enum of strings (its
 * values, to become the field's options); undefined for anything else. An attribute's quotes
 * inside quotes (`type="'api'"`) make even one literal a value; a table cell needs two.
 */
export function literalUnion(text: string, least = 2): string[] | undefined {
  // Joined by `|`, or in words (`"agent" or "developer"`, `"agent" 或 "developer"`).
  const literals = text
    .split(/\||,\s*(?:or\s+)?|\s(?:or|oder|ou|o)\s|或|、/)
    .map((part) => /^\s*["']([^"']*)["']\s*$/.exec(part)?.[1]);
  if (literals.length < least || literals.some((v) => v === undefined)) return undefined;
  return literals as string[];
}

// The words Mintlify and hand-written pages use as types, which no value list is made of.
const TYPE_WORD =
  /^(?:string|integer|int|number|float|double|boolean|bool|object|array|null|any|file|enum|date|datetime|uuid|undefined|nullable|unknown|void)$/i;

/**
 * `type="bounce | complaint | manual"`: the values themselves, in lower case and unquoted, in
 * place of a type; an enum of strings. Undefined unless two or more and none is a type's name.
 */
export function wordUnion(text: string): string[] | undefined {
  const words = text.split("|").map((part) => part.trim());
  if (words.length < 2 || !words.every((w) => /^[a-z][a-z0-9_-]*$/.test(w))) return undefined;
  return words.some((w) => TYPE_WORD.test(w)) ? undefined : words;
}

function invalid(text: string, line: TypeLine): TypeLine {
  if (line.kind === "invalid") return line;
  return { kind: "invalid", reason: `a known type, not ${JSON.stringify(text)}` };
}
