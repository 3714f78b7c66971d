import { parseTypeLine } from "../model/type-line.ts";

/**
 * Text extractors drop the spaces between the pills Mintlify shows after a field name:
 * `stringheaderrequired`, `integerdefault:10`, `enum<string>required`, `string | nulldeprecated`,
 * `headerrequired`, `string default:""`. This splits such a line into one pill per line, as a
 * browser copy gives them; undefined when the line is not glued pills.
 */
const SUFFIXES = ["required", "deprecated", "header", "query", "path", "cookie"];
const DEFAULT = /\s*default:\s*/;

export function splitPills(text: string): string[] | undefined {
  if (text === "") return undefined;
  // The default pill on its own line, `required` glued on (`default: selfrequired`).
  // (A value with a space in it, unquoted, is a sentence: `default: none if not required`.)
  if (/^default:/.test(text)) {
    const pills = defaultPills(text.slice("default:".length).trimStart());
    const value = (pills[0] as string).slice("default:".length);
    return pills.length > 1 && (!/\s/.test(value) || /^"[^"]*"$/.test(value)) ? pills : undefined;
  }
  let head = text;
  let tail: string[] = [];
  const def = DEFAULT.exec(head);
  if (def !== null) {
    tail = defaultPills(head.slice(def.index + def[0].length));
    head = head.slice(0, def.index);
  }
  const pills: string[] = [];
  for (let changed = true; changed && head !== ""; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (head.endsWith(suffix) && head !== suffix) {
        pills.unshift(suffix);
        head = head.slice(0, -suffix.length).trimEnd();
        changed = true;
        break;
      }
    }
  }
  if (SUFFIXES.includes(head)) {
    pills.unshift(head);
    head = "";
  }
  const parts = [...(head === "" ? [] : [head]), ...pills, ...tail];
  if (parts.length < 2) return undefined;
  // What is left in front of the pills must be a type: otherwise this is a name or a sentence.
  if (head !== "" && parseTypeLine(head).kind !== "type") return undefined;
  return parts;
}

/** The default pill's value, then the pills glued after it, which Mintlify shows after it. */
function defaultPills(written: string): string[] {
  let value = written;
  const after: string[] = [];
  // `stringdefault:abcrequired`; not `default:not_required` nor `default:unrequired`, one word.
  for (const pill of ["required", "deprecated"]) {
    const rest = value.slice(0, -pill.length);
    if (value.endsWith(pill) && rest !== "" && !/[_.-]$|^(?:un|non|not)$/i.test(rest)) {
      after.unshift(pill);
      value = value.slice(0, -pill.length);
    }
  }
  // `default:""|`: a table border the extractor kept after a quoted value.
  value = value.replace(/^("[^"]*")\s*\|$/, "$1");
  return [`default:${value}`, ...after];
}
