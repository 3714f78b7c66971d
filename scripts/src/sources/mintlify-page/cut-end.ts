import { type Context, fail } from "../model/context.ts";
import { marker } from "./fields.ts";
import type { Line } from "./lines.ts";

/**
 * A copy that stops inside its last field (a search excerpt, a capture cut short): the page's
 * very last line (nothing after it, not even the footer) is a field's name alone, under a blank
 * line like the names above it, or a name over the start of a type (`maxMonthlyCost` / `in`).
 * Read as they are, those lines would end the field before as its description, and the field
 * would be lost without a word: an error (in lenient mode a warning; the lines stay prose).
 */
export function checkCutEnd(
  lines: Line[],
  all: Line[],
  fieldLines: Set<number>,
  ctx: Context,
): void {
  const last = lastText(lines, lines.length - 1);
  if (last < 0 || (lines[last] as Line).no !== lastLineNo(all)) return;
  const text = (k: number) => lines[k]?.text ?? "";
  const cutType = TYPE_START.test(text(last)) && marker(text(last)) !== "type";
  const name = cutType ? last - 1 : last;
  // A lone word is prose as often as a name (`free`, `succeeded`): alone, only a name spelt as
  // code is (`listedBefore`, `max_cost`); over a cut type, any name.
  const spelt = cutType ? FIELD_NAME.test(text(name)) : IDENTIFIER.test(text(name));
  if (!spelt || text(name - 1) !== "" || marker(text(name)) !== undefined) return;
  // Not the last of a list of values (`pending,` above it) nor a value under its label.
  const above = text(lastText(lines, name - 1));
  if (/[,:]$/.test(above)) return;
  // Spaced as the fields above it are: the nearest field's name also stands under a blank line.
  const field = [...fieldLines].filter((no) => no < (lines[name] as Line).no).at(-1);
  const before = lines.findIndex((line) => line.no === field);
  if (before <= 0 || text(before - 1) !== "") return;
  const found = cutType ? `${text(name)} ${text(last)}` : text(name);
  fail(
    ctx,
    (lines[name] as Line).no,
    "a field's type after its name (is the page cut off here?)",
    found,
  );
}

function lastText(lines: Line[], from: number): number {
  let k = from;
  while (k >= 0 && (lines[k] as Line).text === "") k--;
  return k;
}

function lastLineNo(all: Line[]): number {
  return all[lastText(all, all.length - 1)]?.no ?? 0;
}

// A field's name as pages spell them: lower case first (`listedBefore`, `max_cost`), no words of
// prose (`Optional`), no JSON literal, two characters or more.
const FIELD_NAME = /^(?!(?:null|true|false)$)[a-z_$][\w$.\-[\]]+$/;
// One spelt as code: a capital within it, or an underscore, a digit, a dot or a hyphen.
const IDENTIFIER = /^[a-z_$][\w$.\-[\]]*(?:[A-Z]|[_\d.-])[\w$.\-[\]]*$/;
// The first letters of a type pill, cut short (`in`, `str`, `bool`, `enum<st`).
const TYPE_START =
  /^(?:s(?:t(?:r(?:i(?:n)?)?)?)?|i(?:n(?:t(?:e(?:g(?:e(?:r)?)?)?)?)?)?|n(?:u(?:m(?:b(?:e(?:r)?)?)?)?)?|b(?:o(?:o(?:l(?:e(?:a(?:n)?)?)?)?)?)?|o(?:b(?:j(?:e(?:c(?:t)?)?)?)?)?|a(?:r(?:r(?:a(?:y)?)?)?)?|enum<?\w*)$/;
