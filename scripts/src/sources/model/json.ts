/**
 * JSON.parse without exceptions. Docs annotate their examples as JSONC (`"stream": false, //
 * Optional`), so text that is not JSON is tried once more without its comments and trailing
 * commas; the error reported is the one for the text as written.
 */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const plain = withoutComments(text);
    if (plain !== undefined) {
      try {
        return { ok: true, value: JSON.parse(plain) };
      } catch {}
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The text without `//` and `/* *\/` comments and trailing commas; undefined when it has none. */
function withoutComments(text: string): string | undefined {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      // A string, escapes and all, as it is.
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === "/" && text[i + 1] === "/") {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
      changed = true;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      changed = true;
    } else if (ch === "," && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) changed = true;
    else out += ch;
  }
  return changed ? out : undefined;
}
