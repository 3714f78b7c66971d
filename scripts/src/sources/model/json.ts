/**
 * JSON.parse without exceptions. Docs annotate their examples as JSONC (`"stream": false, //
 * Optional`), so text that is not JSON is tried once more without its comments and trailing
 * commas; the error reported is the one for the text as written.
 */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text, noteFractions) };
  } catch (error) {
    const plain = withoutComments(text);
    if (plain !== undefined) {
      try {
        return { ok: true, value: JSON.parse(plain, noteFractions) };
      } catch {}
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** JSON with its elided parts (`[...]`, `{…}`, a `...` item) as empty values or left out. */
export function withoutElisions(text: string): string {
  return text
    .replace(/\[\s*(?:\.\.\.|…)\s*\]/g, "[]")
    .replace(/\{\s*(?:\.\.\.|…)\s*\}/g, "{}")
    .replace(/,\s*(?:\.\.\.|…)\s*(?=[\]}])/g, "");
}

/** The text without `//` and `/* *\/` comments and trailing commas; undefined when it has none. */
function withoutComments(text: string): string | undefined {
  const plain = strip(text, true);
  // (A comma is trailing once the comments after it are gone: `"a": 1, //...` then `}`.)
  const out = strip(plain, false);
  return out === text ? undefined : out;
}

/** One pass over JSON-ish text: its comments dropped (`comments`), else its trailing commas. */
function strip(text: string, comments: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      // A string, escapes and all, as it is.
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (comments && ch === "/" && text[i + 1] === "/") {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    } else if (comments && ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (!comments && ch === "," && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) continue;
    else out += ch;
  }
  return out;
}

// Numbers written with a fraction or exponent (`25.0`, `1e3`) that parse to whole numbers, by
// the object or array holding them: `25.0` says "a number" as plainly as `25.5` does.
const FRACTIONS = new WeakMap<object, Set<string>>();

function noteFractions(
  this: unknown,
  key: string,
  value: unknown,
  context?: { source?: string },
): unknown {
  // (The source text reaches revivers from Node 22 on; before, `25.0` reads as `25`.)
  const source = context?.source;
  if (typeof value === "number" && source !== undefined && /[.eE]/.test(source)) {
    const holder = this as object;
    const keys = FRACTIONS.get(holder) ?? new Set<string>();
    keys.add(key);
    FRACTIONS.set(holder, keys);
  }
  return value;
}

/** True when `holder[key]` was written with a fraction or exponent in the JSON it came from. */
export function writtenAsFraction(holder: object, key: string): boolean {
  return FRACTIONS.get(holder)?.has(key) ?? false;
}
