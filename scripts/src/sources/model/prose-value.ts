// A value as a description writes it, read for the field it describes: shared by the English
// phrases (prose.ts) and the Chinese, Japanese and Korean ones (prose-cjk.ts).

/** The value inside its quotes, and inside quotes within a code span (`` `"en"` `` is `en`). */
export function unquote(text: string): string {
  const t = text.trim();
  const open = t[0];
  const close = t.at(-1);
  if (t.length >= 2 && (open === "`" || open === '"' || open === "'" || open === "\u201C")) {
    if (close === open || (open === "\u201C" && close === "\u201D")) {
      const inner = t.slice(1, -1);
      return open === "`" && /^(["'])[^"']*\1$/.test(inner) ? inner.slice(1, -1) : inner;
    }
  }
  return t;
}

/** The value as the field's own type holds it; undefined when it cannot be one. */
export function typed(value: string, kind: string, types: string[]): unknown {
  if (value === "null") return types.includes("null") ? null : undefined;
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : undefined;
  if (kind === "number") {
    const n = Number(value);
    if (value === "" || !Number.isFinite(n)) return undefined;
    return types.includes("integer") && !types.includes("number") && !Number.isInteger(n)
      ? undefined
      : n;
  }
  return value;
}
