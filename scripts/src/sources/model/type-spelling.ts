// The types hand-written pages spell otherwise than Mintlify (`int`, `List[str]`, `string
// (UUID)`, `array of objects`, `nullable string`), each in Mintlify's spelling, so one type-line
// reader serves every form: MDX type attributes and table cells, copied tables on rendered pages.
import { parseTypeLine } from "./type-line.ts";

// Spellings hand-written pages use for the types Mintlify spells otherwise (Python and
// TypeScript names, formats written as types). Each maps to the Mintlify spelling.
const ALIASES: Record<string, string> = {
  str: "string",
  text: "string",
  int: "integer",
  int32: "integer<int32>",
  int64: "integer<int64>",
  long: "integer<int64>",
  float: "number",
  double: "number",
  decimal: "number",
  // (A database's word, which pages written over one keep.)
  numeric: "number",
  bool: "boolean",
  dict: "object",
  map: "object",
  json: "object",
  record: "object",
  "key-value": "object",
  dictionary: "object",
  hash: "object",
  list: "array",
  none: "null",
  timestamp: "string<date-time>",
  datetime: "string<date-time>",
  "date-time": "string<date-time>",
  date: "string<date>",
  uuid: "string<uuid>",
  email: "string<email>",
  url: "string<uri>",
  uri: "string<uri>",
  binary: "file",
  // `type="multipart"` on a form's file field: what is sent, a file's content.
  multipart: "file",
  enum: "enum<string>",
  float32: "number<float>",
  float64: "number<double>",
  uint: "integer",
  uint32: "integer<int32>",
  uint64: "integer<int64>",
  bigint: "integer<int64>",
  char: "string",
  object: "object",
  // The type names of Portuguese, Spanish, French and German pages.
  objeto: "object",
  objet: "object",
  objekt: "object",
  texto: "string",
  cadena: "string",
  cadeia: "string",
  chaîne: "string",
  zeichenkette: "string",
  número: "number",
  numero: "number",
  zahl: "number",
  inteiro: "integer",
  entero: "integer",
  entier: "integer",
  ganzzahl: "integer",
  booleano: "boolean",
  booléen: "boolean",
  lista: "array",
  arreglo: "array",
  tableau: "array",
  liste: "array",
};

/** The type in Mintlify's spelling (`integer<int64>`, `(string | null)[]`); undefined if unknown. */
export function mintlifySpelling(text: string): string | undefined {
  return normalizeUnion(text.trim(), 0);
}

function normalizeUnion(text: string, depth: number): string | undefined {
  if (depth > 4) return undefined;
  // `string | undefined` (TypeScript): an optional field, which `required` says already.
  const parts = splitUnion(text).filter((part) => part.trim().toLowerCase() !== "undefined");
  const out: string[] = [];
  for (const part of parts) {
    // `string | nullable`: the member that says the value may also be null.
    if (parts.length > 1 && /^\s*nullable\s*$/i.test(part)) {
      out.push("null");
      continue;
    }
    const one = normalizeOne(part.trim(), depth);
    if (one === undefined) return undefined;
    out.push(one);
  }
  return out.join(" | ");
}

// `string or null`, `string o array`, `string ou null`: a union said in words.
const OR_WORD = /\s+(?:or|o|ou|oder|或)\s+|\s*或\s*/gi;

const SLASH_TYPE = /^\/\s*(?:null|string|integer|number|boolean|object|array)\b/i;

function splitUnion(text: string): string[] {
  text = text.replace(OR_WORD, "|");
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "<" || ch === "[" || ch === "(") level++;
    else if (ch === ">" || ch === "]" || ch === ")") level--;
    // (`string/null`: a slash before a JSON type, as a table cell writes a union; not a media
    // type's.)
    else if ((ch === "|" || (ch === "/" && SLASH_TYPE.test(text.slice(i)))) && level === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function normalizeOne(text: string, depth: number): string | undefined {
  if (text === "") return undefined;
  // `nullable string`, `string (nullable)`: the type, which may also be null.
  const nullable = /^nullable\s+(\S.*)$|^(\S.*?)\s*\(nullable\)$/i.exec(text);
  if (nullable !== null) {
    const inner = normalizeOne((nullable[1] ?? nullable[2] ?? "").trim(), depth + 1);
    return inner === undefined ? undefined : `${wrap(inner)} | null`;
  }
  if (text.endsWith("[]")) {
    const inner = normalizeOne(text.slice(0, -2).trim(), depth + 1);
    return inner === undefined ? undefined : `${wrap(inner)}[]`;
  }
  // `[object]`, `[string]`: an array of that type; `[number, number]`, a tuple, one of its
  // items' one type.
  if (text.startsWith("[") && text.endsWith("]")) {
    const parts = text
      .slice(1, -1)
      .split(",")
      .map((p) => p.trim());
    const kinds = new Set(parts.map((p) => normalizeUnion(p, depth + 1)));
    const [one] = kinds;
    if (parts.length > 1)
      return kinds.size === 1 && one !== undefined ? `${wrap(one)}[]` : undefined;
    return arrayOf(text.slice(1, -1), depth);
  }
  // `array of strings`, `list of objects`: an array of that type, said in words; so too in
  // Spanish, Portuguese, French and German (`array de strings`, `lista de cadenas`, `Liste von`).
  const said =
    /^(?:an? )?(?:array|list|lista|arreglo|tableau|liste)\s+(?:of|de|d'|von|aus)\s*(\S.*?)$/i.exec(
      text,
    );
  if (said !== null) {
    const word = (said[1] as string).trim();
    const one =
      normalizeOne(word, depth + 1) ??
      normalizeOne(word.replace(/e?s$/i, ""), depth + 1) ??
      normalizeOne(word.replace(/s$/i, ""), depth + 1);
    return one === undefined ? undefined : `${wrap(one)}[]`;
  }
  // `array int`, `list string`: the word for a list, then the item's type.
  const before = /^(?:array|list)\s+([a-z]\w*)$/i.exec(text);
  if (before !== null) return arrayOf(before[1] as string, depth);
  // `Document Array`, `string list`: the item's type, then the word for a list.
  const after = /^(\S.*?)\s+(?:array|list)$/i.exec(text);
  if (after !== null) return arrayOf(after[1] as string, depth);
  // `application/json` on a Content-Type field: a media type, written as text.
  if (/^(?:application|text|multipart|image|audio|video)\/[\w.+-]+$/i.test(text)) return "string";
  // `Array<string>`, `List[str]`, `list[dict]`.
  const generic = /^(?:array|list|sequence)\s*[<[](.*)[>\]]$/i.exec(text);
  if (generic !== null) return arrayOf(generic[1] as string, depth);
  // `dict[str, Any]`, `Map<String, Object>`, `Record<string, unknown>`: an object of any keys.
  if (/^(?:dict|map|record|hashmap|object)\s*[<[].*[>\]]$/i.test(text)) return "object";
  const optional = /^optional\s*\[(.*)\]$/i.exec(text);
  if (optional !== null) {
    const inner = normalizeUnion(optional[1] as string, depth + 1);
    return inner === undefined ? undefined : `${inner} | null`;
  }
  // `integer(int64)`: the format in parentheses (Java-style API tables), Mintlify's `integer<int64>`.
  // A number in the parentheses (`string(64)`, `decimal(10,2)`) is a size, not a format.
  const format = /^([a-z]+)\s*\(([a-z][\w.:+-]*)\)$/i.exec(text);
  if (format !== null) return normalizeOne(`${format[1]}<${format[2]}>`, depth + 1);
  // `string (ISO 8601 datetime)`: a note after the type; a format it names is kept.
  const noted = /^(\S+)\s+\((.+)\)$/.exec(text);
  if (noted !== null) return withNote(noted[1] as string, noted[2] as string, depth);
  const lower = text.toLowerCase();
  // `string<date-time>`, `enum<string>` in another case.
  if (parseTypeLine(lower).kind === "type") return lower;
  if (Object.hasOwn(ALIASES, lower)) return ALIASES[lower];
  // `ISO 8601 timestamp`, `RFC 3339 date`: a standard's name before the format.
  // `ISO date string`: the standard's short name, and the word string after.
  const standard =
    /^(?:iso[\s-]?8601|rfc[\s-]?3339|iso)(?:\s+(date[\s-]?time|datetime|timestamp|date))?(?:\s+string)?$/i.exec(
      text,
    );
  if (standard !== null && !/^iso$/i.test(text.trim()))
    return /^date$/i.test(standard[1] ?? "") ? "string<date>" : "string<date-time>";
  // `User Object`, `WebhookRequest object`: a named object the page describes in its children.
  if (/^[A-Za-z][\w ]*\s+object$/i.test(text)) return "object";
  // `OpenAIChatRequest`, `User`: a model the site defines elsewhere. Its shape is not on this
  // page (it may be an object, a list or an enum), so the field is any JSON value.
  if (/^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(text)) return "any";
  return undefined;
}

// Formats a note after a string type names, most specific first.
const NOTE_FORMATS: [RegExp, string][] = [
  [/date[- ]?time|timestamp/i, "date-time"],
  [/\bdate\b/i, "date"],
  [/\buuid\b/i, "uuid"],
  [/\be-?mail\b/i, "email"],
  [/\bur[il]\b/i, "uri"],
  [/iso[\s-]?8601|rfc[\s-]?3339/i, "date-time"],
];

// A note that names a format and nothing else (`ISO 8601 datetime`, `UUID v4`, `url`); one that
// says more (`email or phone number`, `Unix timestamp, seconds`) names none.
const FORMAT_NOTE =
  /^(?:iso[\s-]?8601|rfc[\s-]?3339)?\s*(?:date[\s-]?time|datetime|timestamp|date|uuid(?:\s*v\d)?|e-?mail(?: address)?|ur[il])?(?:\s+(?:format|string))?$/i;

function withNote(type: string, note: string, depth: number): string | undefined {
  const read = normalizeOne(type, depth + 1);
  if (read !== "string" || !FORMAT_NOTE.test(note.trim())) return read;
  const format = NOTE_FORMATS.find(([word]) => word.test(note))?.[1];
  return format === undefined ? read : `string<${format}>`;
}

function arrayOf(inner: string, depth: number): string | undefined {
  const item = normalizeUnion(inner.trim(), depth + 1);
  return item === undefined ? undefined : `${wrap(item)}[]`;
}

function wrap(type: string): string {
  return type.includes("|") ? `(${type})` : type;
}
