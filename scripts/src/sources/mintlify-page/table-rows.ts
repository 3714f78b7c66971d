import { parseTypeLine } from "../model/type-line.ts";
import { mintlifySpelling } from "../model/type-spelling.ts";
import type { Line } from "./lines.ts";

/**
 * A hand-written page's field table, as a copy of the rendered page keeps it: cells between
 * tabs (a browser's copy), between pipes (a text extractor that writes markdown), or run
 * together (`NameTypeRequiredDescription` over `idstringYesThe id.`). Each row becomes the lines
 * Mintlify renders for a field (name, type, `required`, description, `Example:`), so the one
 * field reader reads both. Pure: lines in, lines out, each keeping its row's line number.
 */

type Role = "name" | "type" | "required" | "description" | "example" | "default" | "location";

const TITLES: [RegExp, Role][] = [
  [/^(?:name|parameter|param|field|key|property|attribute|header|argument)s?$/i, "name"],
  [/^(?:type|data ?type)$/i, "type"],
  [/^(?:required|mandatory|required\?)$/i, "required"],
  [/^(?:description|details|notes?|meaning)$/i, "description"],
  [/^(?:example|sample|example value)s?$/i, "example"],
  [/^default(?: value)?$/i, "default"],
  [/^(?:in|location)$/i, "location"],
];

// The titles a run-together header is made of, longest first so `Parameter` wins over `Param`.
const GLUED_TITLE =
  /Parameters?|Param|Name|Field|Key|Property|Attribute|Header|Type|Required|Mandatory|Description|Details|Notes?|Example|Default|In|Location/y;

const TYPE_WORD =
  "(?:string|integer|int64|int32|int|long|number|numeric|float|double|decimal|boolean|bool|object|array|uuid|date-time|datetime|date|file|enum|any)(?:\\[\\])?";
const YES = /^(?:yes|y|true|required|mandatory|✓|✔|✅)$/i;
const YES_NO =
  "(?:Yes|No|yes|no|True|False|true|false|Required|Optional|required|optional|✓|✔|✅|✗|❌|-)";
/**
 * A type cell as Mintlify would print the type (`string (UUID)` as `string<uuid>`, `int64` as
 * `integer<int64>`), or as written. A table's `enum` lists no options: a string.
 */
function typeLine(text: string): string {
  const type = text.trim();
  if (/^enum$/i.test(type)) return "string";
  return mintlifySpelling(type) ?? type;
}

/** True when the nearest line above `i` is a field's type line, or a lead-in under one. */
function underField(lines: Line[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (lines[k] as Line).text === "") k--;
  const above = (lines[k] as Line | undefined)?.text ?? "";
  if (isTypeLine(above)) return true;
  return /:$/.test(above) && lines.slice(0, k).some((line) => isTypeLine(line.text));
}

/** A line that is a field's type pill (`string`, `object[]`), as Mintlify renders one. */
function isTypeLine(text: string): boolean {
  return text !== "" && parseTypeLine(text).kind === "type";
}

function roleOf(title: string): Role | undefined {
  return TITLES.find(([pattern]) => pattern.test(title.trim()))?.[1];
}

/** The columns a header line names, with how its rows split; undefined for no table header. */
function readHeader(text: string): { roles: Role[]; split: "tab" | "pipe" | "glued" } | undefined {
  let split: "tab" | "pipe" | "glued" = "glued";
  let titles: string[];
  if (text.includes("\t")) {
    split = "tab";
    titles = text.split("\t");
  } else if (/^\|.*\|$/.test(text)) {
    split = "pipe";
    titles = pipeCells(text);
  } else {
    titles = [];
    GLUED_TITLE.lastIndex = 0;
    while (GLUED_TITLE.lastIndex < text.length) {
      const match = GLUED_TITLE.exec(text);
      if (match === null) return undefined;
      titles.push(match[0]);
    }
  }
  const roles = titles.map(roleOf);
  // (Two columns only as a name and its description: `ParameterDescription`.)
  const pair = roles.length === 2 && roles[1] === "description";
  if (roles.some((role) => role === undefined) || (roles.length < 3 && !pair)) return undefined;
  const known = roles as Role[];
  if (known[0] !== "name" || new Set(known).size !== known.length) return undefined;
  if (!known.includes("type") && !known.includes("description")) return undefined;
  return { roles: known, split };
}

/** True for a line that heads a copied table of fields (`NameTypeRequiredDescription`). */
export function isTableHeader(text: string): boolean {
  return readHeader(text) !== undefined;
}

function pipeCells(text: string): string[] {
  return text
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) =>
      cell
        .trim()
        .replace(/\\\|/g, "|")
        .replace(/^`(.*)`$/, "$1"),
    );
}

/** A pattern that matches `word` in any case, without the `i` flag (which would blind the
 * uppercase look-aheads below). */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const FORMAT_NOTE = "(?:\\s*\\([\\w -]+\\))?";
// (`object/null`: a union, a slash between its types; or said in words, `string or null`, each
// word whole: `string or nullable, …` is a type and a description.)
const union = (word: string, or: string, nil: string) =>
  `(?:/(?:${nil}|${word})|\\s+${or}\\s+(?:${nil}|${word})(?![a-z-]))*`;
const ANY_CASE_WORD = TYPE_WORD.replace(/[a-z][a-z-]*/g, anyCase);
const TYPE_CELL = `(?:${ANY_CASE_WORD})${union(ANY_CASE_WORD, anyCase("or"), anyCase("null"))}${FORMAT_NOTE}`;
const LOWER_TYPE_CELL = `(?:${TYPE_WORD})${union(TYPE_WORD, "or", "null")}${FORMAT_NOTE}`;
const YES_NO_CELL = `(?:${YES_NO.slice(3, -1)
  .split("|")
  .map((w) => anyCase(w))
  .join("|")})`;

/**
 * A run-together row's cells, read in the header's order; undefined when it does not fit. The
 * name is the longest that leaves a fitting rest (`account_numberstring…` is `account_number`),
 * no cell after it starts with a space, which a run-together copy never leaves, and a type ends
 * where a capital or no letter follows (`stringInternal…`, not `Int` + `ernal…`); failing that,
 * wherever the rest fits (`idstringthe id.`).
 */
function gluedCells(text: string, roles: Role[]): string[] | undefined {
  // Types as most tables write them (`string`) first, then in any case (`String`), so that a
  // capitalised word inside a camelCase name (`parentObjectId`) is no type when a lower-case
  // one follows it.
  const passes = [
    [LOWER_TYPE_CELL, true],
    [LOWER_TYPE_CELL, false],
    [TYPE_CELL, true],
    [TYPE_CELL, false],
  ] as const;
  for (const [typeCell, bounded] of passes) {
    const parts = roles.map((role, index) => {
      const last = index === roles.length - 1;
      switch (role) {
        case "name":
          return "([A-Za-z_$][\\w$.\\-[\\]{}]*)";
        case "type":
          return `(${typeCell})${bounded ? "(?![a-z])" : ""}`;
        case "required":
          return `(${YES_NO_CELL})`;
        case "location":
          return `(${anyCase("path|query|header|body|cookie")})`;
        // Right after the name, it starts at a capitalised word or an acronym, which no part of
        // a camelCase name is (`appTypeIdClient application…` is `appTypeId`, `userIdID of…`
        // `userId`); the name ends in no capital.
        case "description":
          if (index === 1) return "(?<=[\\p{Ll}\\d_])(\\p{Lu}(?:[\\p{Ll}'’]+|\\p{Lu}+)(?:\\s.*)?)";
          return last ? "(\\S.*|)" : "(\\S.*?|)";
        // A value before the description (`3How often…`): a dash, or one word up to the
        // description's capital.
        // (Or a number, or a literal, where the description starts lower-case: `3how often…`.)
        default:
          return last
            ? "(\\S*)"
            : "([-—–]|\\S*?(?=[A-Z]|$)|-?\\d+(?:\\.\\d+)?(?=\\D)|true|false|null)";
      }
    });
    const match = new RegExp(`^${parts.join("")}$`, "u").exec(text);
    if (match !== null) return splitExample(match.slice(1), roles);
  }
  return undefined;
}

/**
 * `…of the knowledge base.KB_123456`: a description followed by an example, run together, split
 * at the first sentence end (a letter or bracket before the stop, so `e.g. 9.99` is no end)
 * whose rest is one word (`dollars.12.50` keeps `12.50`).
 */
function splitExample(cells: string[], roles: Role[]): string[] {
  const described = roles.indexOf("description");
  if (described < 0 || roles[described + 1] !== "example" || described + 2 !== roles.length)
    return cells;
  const both = `${cells[described]}${cells[described + 1]}`;
  const split = /^(.*?(?:\)|[^\s\d][.!?]))([^\s.,;:!?)]\S*)$/.exec(both);
  cells[described] = split ? (split[1] as string) : both;
  cells[described + 1] = split ? (split[2] as string) : "";
  return cells;
}

function rowCells(row: Line, roles: Role[], split: "tab" | "pipe" | "glued") {
  if (split === "glued") return gluedCells(row.text, roles);
  // The raw line: a copy's empty last cell is a trailing tab, which the trimmed text lost.
  const cells =
    split === "tab"
      ? row.raw
          .replace(/^\s+/, "")
          .replace(/\r?\n$/, "")
          .split("\t")
      : PIPE_ROW.test(row.text)
        ? pipeCells(row.text)
        : [];
  return cells.length === roles.length ? cells.map((cell) => cell.trim()) : undefined;
}

// A run-together row's start: a name glued to the next cell (`sizewidgetBig.`), which a
// sentence under the table (`Both are optional.`) is not.
const GLUED_ROW = /^[A-Za-z_$][\w$.\-[\]{}]*[a-z0-9_\]][A-Z]/;

/** A line shaped as a row of the table's kind (tabs, pipes), whether or not it fits. */
function rowShaped(text: string, split: "tab" | "pipe" | "glued"): boolean {
  // (Only a row with both its pipes: a sentence after the table may hold a pipe or two.)
  return split === "tab" ? text.includes("\t") : split === "pipe" && /^\|.*\|$/.test(text);
}

// A pipe table's row, `| a | b |`; or with its first pipe lost, as some copies give it (`a | b |`).
const PIPE_ROW = /^(?:\|.*|[^|\s][^|]*\|.*)\|$/;

/** The lines Mintlify renders for the field one row describes. */
function fieldLines(row: Line, cells: string[], roles: Role[]): Line[] {
  const cell = (role: Role) => {
    const at = roles.indexOf(role);
    return at < 0 ? "" : (cells[at] ?? "").trim();
  };
  const line = (text: string): Line => ({ no: row.no, raw: row.raw, text });
  const out: Line[] = [{ ...line(cell("name")), rowName: true }];
  const type = typeLine(cell("type"));
  if (type !== "") out.push(line(type));
  const where = cell("location").toLowerCase();
  if (/^(?:path|query|header|cookie)$/.test(where)) out.push(line(where));
  if (YES.test(cell("required"))) out.push(line("required"));
  const fallback = cell("default");
  if (fallback !== "" && !/^[-—–]$/.test(fallback)) out.push(line(`default:${fallback}`));
  out.push(line(""));
  if (cell("description") !== "") out.push(line(cell("description")), line(""));
  if (cell("example") !== "" && !/^[-—–]$/.test(cell("example")))
    out.push(line(`Example: ${cell("example")}`), line(""));
  return out;
}

/** A section's lines once its tables are read. */
export interface Expanded {
  lines: Line[];
  /** Lines shaped as a table's rows that do not fit it (the caller reports them). */
  misfits: Line[];
  /** The text after a table (a row holds all of its own description): its paragraphs. */
  after: { text: string; line: number }[];
}

/** The section's lines with each field table's rows written as the fields they describe. */
export function expandTables(lines: Line[]): Expanded {
  const out: Expanded = { lines: [], misfits: [], after: [] };
  let afterTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    let header = readHeader(line.text);
    // A table of a name and a description right under a field (the values it takes, after the
    // field's type or a lead-in `one of:`) is the field's description.
    if (header?.roles.length === 2 && underField(lines, i)) header = undefined;
    if (header === undefined) {
      if (!afterTable) out.lines.push(line);
      else if (line.text !== "") {
        const last = out.after.at(-1);
        if (last !== undefined && (lines[i - 1] as Line).text !== "") last.text += `\n${line.text}`;
        else out.after.push({ text: line.text, line: line.no });
      }
      continue;
    }
    let k = i + 1;
    // A pipe table's `|---|---|` under its titles.
    if (header.split === "pipe" && /^\|?[\s:|-]+\|?$/.test(lines[k]?.text ?? "")) k++;
    const rows: Line[] = [];
    while (k < lines.length) {
      // Text extractors may leave a blank line between rows.
      let next = k;
      while (next < lines.length && (lines[next] as Line).text === "") next++;
      const row = lines[next];
      if (row === undefined) break;
      const cells = rowCells(row, header.roles, header.split);
      if (cells === undefined) {
        // Right under a row, a line that fits no column is a row the reader cannot split.
        // (A field's name opens it, lower-case as names are; a sentence opens with a capital.)
        const adjoining =
          header.split === "glued" &&
          next === k &&
          rows.length > 0 &&
          (GLUED_ROW.test(row.text) || /^[a-z_$][\w$.-]*\S/.test(row.text));
        if (rowShaped(row.text, header.split) || adjoining) out.misfits.push(row);
        break;
      }
      rows.push(...fieldLines(row, cells, header.roles));
      k = next + 1;
    }
    if (rows.length === 0) {
      if (!afterTable) out.lines.push(line);
      continue;
    }
    out.lines.push(...rows);
    afterTable = true;
    i = k - 1;
  }
  return out;
}
