import { type Context, fail, note } from "../model/context.ts";
import type { Line } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/** What the curl example tells about the operation. */
/** What a curl sends besides its body: its headers' names (lower-cased) and its query's names. */
export function curlSends(curl: CurlExample | undefined): {
  headers: Set<string>;
  query: string[];
} {
  const url = curl?.url ?? "";
  const search = url.includes("?") ? url.slice(url.indexOf("?")) : "";
  return {
    headers: new Set((curl?.headers ?? []).map(([name]) => name.toLowerCase())),
    query: [...new URLSearchParams(search).keys()],
  };
}

export interface CurlExample {
  method?: string | undefined;
  url?: string | undefined;
  headers: [string, string][];
  /** The `--data` payload, verbatim, and the line it starts on. */
  data?: { text: string; line: number } | undefined;
  /** True when the example sends `--form` fields (multipart). */
  form: boolean;
  /** The `--form` fields, `name=value` each (`file=@theme.zip` sends the file's content). */
  formParts?: [string, string][] | undefined;
  /** Index of the last line of the command. */
  end: number;
}

/**
 * The payload the example itself holds: none for `--data @request.json` (curl reads the body
 * from that file, so the text is a file name, not an example of the body).
 */
export function inlineData(curl: CurlExample | undefined): CurlExample["data"] {
  const data = curl?.data;
  return data === undefined || data.text.trimStart().startsWith("@") ? undefined : data;
}

/**
 * The media type the example sends its body as: its `Content-Type` header (not a `<placeholder>`),
 * else multipart for `--form`, else what curl itself sends for `--data`: form encoding, unless
 * the payload is JSON (pages leave the header out of JSON examples more often than not).
 */
export function curlMedia(curl: CurlExample | undefined): string {
  const type = curl?.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1].trim();
  if (type !== undefined && type !== "" && !/^<.*>$/.test(type)) return type;
  if (curl?.form === true) return "multipart/form-data";
  const text = inlineData(curl)?.text.trim() ?? "";
  return FORM_PAIRS.test(text) ? "application/x-www-form-urlencoded" : "application/json";
}

// `amount=1200&final=true`: what `--data amount=1200 --data final=true` sends.
const FORM_PAIRS = /^[\w.[\]-]+=[^&\s]*(?:&[\w.[\]-]+=[^&\s]*)*$/;

const FENCE = /^(?:`{3,}|~{3,})\s*$/;
const isCodeEnd = (line: Line) => line.codeEnd === true || FENCE.test(line.text);

interface Token {
  value: string;
  line: number;
}

/** True when a trimmed line starts a curl command. */
export function isCurlStart(text: string): boolean {
  return /^curl(?:\s|$)/.test(text);
}

/**
 * Reads the shell command starting at lines[start]: backslash continuations and quoted strings
 * spanning lines (Mintlify prints `--data '` with the JSON on the following lines).
 */
export function readCurl(lines: Line[], start: number, ctx: Context): CurlExample {
  const tokens: Token[] = [];
  let current: Token | undefined;
  let quote: "'" | '"' | undefined;
  let quoteLine = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A quote never closed (an extractor dropped `}'`) ends where the code block or, with no
    // block around it, the page's sections start.
    if (quote !== undefined && (isSectionTitle(line.text) || isCodeEnd(line))) break;
    const raw = line.raw;
    let continued = false;
    for (let c = 0; c < raw.length; c++) {
      const ch = raw[c] as string;
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
        else if (quote === '"' && ch === "\\" && c + 1 < raw.length) {
          c++;
          (current as Token).value += raw[c];
        } else (current as Token).value += ch;
        continue;
      }
      if (ch === "\\") {
        if (c === raw.length - 1) {
          continued = true;
          break;
        }
        c++;
        current ??= { value: "", line: line.no };
        current.value += raw[c];
      } else if (ch === "'" || ch === '"') {
        quote = ch;
        quoteLine = line.no;
        current ??= { value: "", line: line.no };
      } else if (/\s/.test(ch)) {
        if (current !== undefined) tokens.push(current);
        current = undefined;
      } else {
        current ??= { value: "", line: line.no };
        current.value += ch;
      }
    }
    if (quote !== undefined) {
      (current as Token).value += "\n";
      continue;
    }
    if (current !== undefined) tokens.push(current);
    current = undefined;
    // A command whose `\` line ends the page dropped still goes on where the next line is one
    // of its options (`--header 'X: y'`).
    if (!continued && !/^-{1,2}[A-Za-z]/.test(lines[i + 1]?.text ?? "")) break;
  }
  if (quote !== undefined) {
    const stop = lines[i];
    const found =
      stop === undefined ? "end of page" : stop.codeEnd ? "the code block's end" : stop.text;
    // The block closes, so the page is whole: only the example lost its end (the fields and the
    // operation are elsewhere), which is said, not refused.
    const report = stop !== undefined && isCodeEnd(stop) ? note : fail;
    report(ctx, quoteLine, `a closing ${quote} in the curl example`, found);
    if (current !== undefined) tokens.push(current);
    i--;
  }
  return interpret(tokens, Math.min(i, lines.length - 1));
}

/**
 * Reads the curl command in a code block's text (the served HTML's or the MDX source's request
 * example), numbering its lines from `firstLine` so problems point into the original file.
 */
export function readCurlText(text: string, firstLine: number, ctx: Context): CurlExample {
  const lines: Line[] = text.split("\n").map((raw, index) => {
    const clean = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    return { no: firstLine + index, raw: clean, text: clean.trim() };
  });
  const start = lines.findIndex((line) => isCurlStart(line.text));
  return readCurl(lines, Math.max(0, start), ctx);
}

const VALUE_OPTIONS = new Set(["--user", "-u", "--cert", "--key", "--output", "-o", "-A"]);

function interpret(tokens: Token[], end: number): CurlExample {
  const result: CurlExample = { headers: [], form: false, end };
  let get = false;
  for (let t = 1; t < tokens.length; t++) {
    const { value } = tokens[t] as Token;
    const next = tokens[t + 1];
    if (value === "--request" || value === "-X") {
      result.method = next?.value.toUpperCase();
      t++;
    } else if (value === "--url") {
      result.url = next?.value;
      t++;
    } else if (value === "--header" || value === "-H") {
      const colon = next?.value.indexOf(":") ?? -1;
      if (next !== undefined && colon > 0) {
        result.headers.push([
          next.value.slice(0, colon).trim(),
          next.value.slice(colon + 1).trim(),
        ]);
      }
      t++;
    } else if (/^(?:--data(?:-raw|-binary|-urlencode)?|-d)$/.test(value)) {
      // curl joins repeated --data values with `&` (one form field per flag).
      if (next !== undefined) {
        result.data =
          result.data === undefined
            ? { text: next.value, line: next.line }
            : { text: `${result.data.text}&${next.value}`, line: result.data.line };
      }
      t++;
    } else if (value === "--form" || value === "-F") {
      result.form = true;
      const part = /^([\w.[\]-]+)=([\s\S]*)$/.exec(next?.value ?? "");
      if (part !== null) {
        result.formParts ??= [];
        result.formParts.push([part[1] as string, part[2] as string]);
      }
      t++;
    } else if (value === "-G" || value === "--get") get = true;
    else if (VALUE_OPTIONS.has(value)) t++;
    else if (/^https?:\/\//.test(value) && result.url === undefined) result.url = value;
    // `curl "/api/v1/transfers?limit=50"`, `curl {{baseUrl}}/v1/x`: a path, its host left out.
    else if (
      /^(?:\/\w|\{\{|\$\{?\w|<\w)/.test(value) &&
      value.includes("/") &&
      result.url === undefined
    )
      result.url = value;
  }
  // `-G`: the data goes in the URL's query, with a GET; no body is sent.
  if (get && result.data !== undefined) {
    const url = result.url ?? "";
    result.url = `${url}${url.includes("?") ? "&" : "?"}${result.data.text}`;
    result.data = undefined;
    result.method ??= "GET";
  }
  return result;
}
