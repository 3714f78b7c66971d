import { type Context, fail, note } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import { marker, NAME } from "./fields.ts";
import { type Line, skipBlankBack } from "./lines.ts";

/**
 * A copy that stops inside its last field (a search excerpt, a capture cut short): the page's
 * very last line (nothing after it in the file, not even the footer) is a field's name alone, or
 * a name over the start of a type (`maxMonthlyCost` / `in`). Read as they are, those lines would
 * end the field before as its description, and the field would be lost without a word: an error
 * (in lenient mode a warning; the lines stay prose). `file` is every line of the file, chrome and
 * all; `fields` the fields read.
 */
export function checkCutEnd(lines: Line[], file: Line[], fields: Field[], ctx: Context): void {
  const last = skipBlankBack(lines, lines.length - 1);
  if (last < 0 || (lines[last] as Line).no !== file[skipBlankBack(file, file.length - 1)]?.no)
    return;
  const text = (k: number) => lines[k]?.text ?? "";
  // (`int`, `bool`: whole types a page may spell so, no cut.)
  const cutType = isTypeStart(text(last)) && marker(text(last)) !== "type";
  const name = cutType ? skipBlankBack(lines, last - 1) : last;
  if (name < 0 || marker(text(name)) !== undefined) return;
  // A browser copy marks each name (a zero-width space before it); elsewhere a lone word is
  // prose as often as a name (`free`, `succeeded`): alone, and set apart by a blank line, only a
  // name spelt as code counts (`listedBefore`, `max_cost`).
  const marked = (lines[name] as Line).marked === true;
  const spelt = marked ? NAME : cutType ? FIELD_NAME : IDENTIFIER;
  if (!spelt.test(text(name)) || (!marked && text(name - 1) !== "")) return;
  // Not the last of a list of values (`pending,` above it, or one a field took as its option).
  const above = text(skipBlankBack(lines, name - 1));
  const option = (value: string) => fields.some((f) => f.options?.values.includes(value));
  if (!marked && (/[,:]$/.test(above) || option(text(name)) || option(above))) return;
  // (After the fields: a field stands above it.)
  const at = (lines[name] as Line).no;
  if (!fields.some((f) => f.line < at)) return;
  const found = cutType ? `${text(name)} ${text(last)}` : text(name);
  const expected = cutType ? "a field's whole type" : "a field's type after its name";
  // A word spelt in snake case or with digits (`base64`, `webp_lossless`) may end a
  // description: only said; a name the copy marks or anchors, a camel-case or dotted one, or a
  // cut type is refused.
  const anchored = (lines[name] as Line).anchor !== undefined;
  const sure = marked || anchored || cutType || /[a-z][A-Z]|\./.test(text(name));
  (sure ? fail : note)(
    ctx,
    (lines[name] as Line).no,
    `${expected} (is the page cut off here?)`,
    found,
  );
}

/** The first letters of a type pill, cut short (`in`, `str`, `bool`, `enum<st`): two or more. */
function isTypeStart(text: string): boolean {
  if (/^enum(?:<\w*)?$/.test(text)) return true;
  return text.length >= 2 && TYPE_NAMES.some((type) => type !== text && type.startsWith(text));
}

const TYPE_NAMES = ["string", "integer", "number", "boolean", "object", "array"];
// A field's name as pages spell them: lower case first (`listedBefore`, `max_cost`), no words of
// prose (`Optional`), no JSON literal, two characters or more.
const FIELD_NAME = /^(?!(?:null|true|false)$)[a-z_$][\w$.\-[\]]+$/;
// One spelt as code: a capital within it, or an underscore, a digit, a dot or a hyphen.
const IDENTIFIER = /^[a-z_$][\w$.\-[\]]*(?:[A-Z]|[_\d.-])[\w$.\-[\]]*$/;
