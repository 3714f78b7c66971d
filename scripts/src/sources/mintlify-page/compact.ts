import { marker, NAME } from "./fields.ts";
import { type Line, skipBlank } from "./lines.ts";

/**
 * Scrapes and some text extractions put a blank line between every element, so a field's name,
 * type and pills (`amount` / `integer` / `required`) come apart. This joins them again: the field
 * reader wants them on consecutive lines, and a blank line only before the description.
 *
 * `starts` are the lines an anchor link marked as field names (markdown scrapes): there every pill
 * up to the next field belongs to the field. Elsewhere a pill word (`path`, `required`) followed by
 * a type is the next field's name, as in the browser copy.
 */
export function joinFieldHeads(lines: Line[], starts: Set<number>): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    out.push(line);
    const prev = i > 0 ? (lines[i - 1] as Line).text : "";
    if (!NAME.test(line.text) || (prev !== "" && !starts.has(i))) continue;
    let next = skipBlank(lines, i + 1);
    const first = lines[next]?.text ?? "";
    if (next === i + 1 || !isPill(first, true)) continue;
    // `Success`, a blank line, then `object` over `string`: a field named `object` (its type
    // right under it), not the type of a name across the blank line.
    const typeBelow = isType(lines[next + 1]?.text ?? "") && !isType(lines[next + 2]?.text ?? "");
    if (!starts.has(i) && NAME.test(first) && typeBelow) continue;
    const anchored = starts.has(i);
    let k = i;
    while (next < lines.length && isPill((lines[next] as Line).text, k === i)) {
      const text = (lines[next] as Line).text;
      const after = lines[skipBlank(lines, next + 1)]?.text ?? "";
      if (k !== i && !anchored && NAME.test(text) && isType(after)) break;
      out.push(lines[next] as Line);
      k = next;
      next = skipBlank(lines, next + 1);
    }
    i = k;
  }
  return out;
}

/** The first line after a name must be a type or a location pill; then any pill may follow. */
function isPill(text: string, first: boolean): boolean {
  const kind = text === "" ? undefined : marker(text);
  if (kind === undefined) return false;
  // A type line the reader does not know joins too, so that the field reader reports it.
  const typed = kind === "type" || kind === "invalid-type";
  return !first || typed || kind === "location" || kind === "required";
}

function isType(text: string): boolean {
  const kind = text === "" ? undefined : marker(text);
  return kind === "type" || kind === "invalid-type";
}
