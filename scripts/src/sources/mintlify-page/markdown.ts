import { SECTION_HEADINGS, sectionSpelling } from "../model/sections.ts";
import { splitFieldHead } from "./deglue.ts";
import { marker } from "./fields.ts";
import { METHOD, URL_REQUEST_LINE } from "./header.ts";
import { bulletPills } from "./labelled-items.ts";
import { type Line, skipBlank } from "./lines.ts";

/**
 * A markdown scrape of a rendered page (`#### Body`, `[](…#body-amount)` anchor lines, backticks,
 * backslash escapes, fenced code) rewritten into the lines a browser copy of the same page gives,
 * so that one reader serves both. Line numbers stay those of the scrape.
 */

const FENCE = /^(`{3,}|~{3,})/;
const ATX = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^(?:=+|-{2,})$/;
// `[](https://docs.acme.io/x#body-amount)`, `[ ](#parameter-id)`: the anchor link before each field.
const ANCHOR = /^\[\s*\]\([^)\s]*\)/;
// `[Navigate to header: amount](…#body-amount)`: the anchor with its accessible label kept,
// which names the field (the name is on no line of its own).
const LABELLED_ANCHOR = /^\[Navigate to header:\s*([^\]]+?)\s*\]\(([^)\s]*)\)\s*$/;
const GLUED_ATX = /^[A-Z][\w&'-]*(?: [\w&'-]+){0,3}(?<=[A-Za-z]{2})(#{1,2} \S.*)$/;
// A field's anchor link, or a section heading (`Required range: \`x >= 0\`#### Response`), glued
// onto the end of the line before it.
// (After a space too, as in `\`error\` [](#response-next)next…`, but not after a heading's
// hashes or a list bullet.)
const MID_ANCHOR =
  /(?<=\S|[^\s#*+>-][ \t]+)\[\s*\]\([^)\s]*#[\w.-]+\)|(?<=[^\s#])#{2,6} (?=\p{Lu}|\p{Lo}|\d)/u;
const LINK_ONLY = /^(?:[*+-]\s+)?(?:!?\[[^\]]*\]\([^)]*\)\s*)+$/;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const ESCAPE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
const CODE_SPAN_LINE = /^`+([^`]+)`+(,?)$/;
// `` `enum<string>` `default:user` `required` ``, `` `string | null` or `string[]` ``: a field's pills.
const PILLS = /^`[^`]+`(?:\s+(?:or\s+)?`[^`]+`)*$/;
const EXAMPLE_HEADING = /^(?:Example (?:Request|Response|Payload)|(?:Request|Response) Example)s?$/;
const BULLET = /^[*+-]\s+(.*)$/;
const VALUE_HEAD =
  /^(?:Available options:|Allowed values?:|Examples?:|default:|Required range:|Required (?:string |array )?length:|(?:Maximum|Minimum) (?:string |array )?length:|Pattern:|Multiple of:)/;

/** True when the text is a markdown scrape rather than a browser copy. */
export function isMarkdownScrape(lines: Line[]): boolean {
  let hints = 0;
  for (const line of lines) {
    const text = line.text;
    if (
      /^#{2,5}\s+(?:Authorizations|Body|Response|Headers|(?:Path|Query|Header|Cookie) Parameters)(?:\s*\([\w.+-]+\/[\w.+-]+\))?\s*$/.test(
        text,
      )
    )
      return true;
    if (ANCHOR.test(text) || LABELLED_ANCHOR.test(text) || FENCE.test(text)) hints++;
    if (hints >= 2) return true;
  }
  return false;
}

/**
 * Rewrites a markdown scrape into browser-copy lines; h1 titles are reported by index, and so is
 * the line after each anchor link (where a field name is; blank lines may come first).
 */
export function fromMarkdown(saved: Line[]): {
  lines: Line[];
  titles: number[];
  anchors: number[];
  /** The fragment of each anchor link (`body-data-id`), by position in `anchors`. */
  anchorIds: (string | undefined)[];
} {
  const lines = splitAtAnchors(saved);
  const out: Line[] = [];
  const titles: number[] = [];
  const anchors: number[] = [];
  const anchorIds: (string | undefined)[] = [];
  // The last line read as text, so a `Default:` line knows whether a `Type:` line came just before.
  let previous = "";
  const push = (line: Line, text: string, raw = text) => out.push({ no: line.no, raw, text });
  const blank = (line: Line) => {
    if (out.length > 0 && out[out.length - 1]?.text !== "") push(line, "");
  };
  // Scrapers that write each field as a heading (`#### messages`, `##### role`) nest by depth.
  const fields: { depth: number; path: string[] }[] = [];
  // A page with Mintlify's generated sections may have its own, hand-written, above them
  // (`## Path parameters` over `#### Path Parameters`): a heading in sentence case stays the
  // page's prose where a generated heading of the same kind says it all.
  const generated = generatedKinds(lines, 1);
  // Mintlify's own section headings are h4s; an h2 or h3 of the same kind is the page's text.
  const deep = generatedKinds(lines, 4);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    // `Available options:` over a bulleted list: the options on one line, as a copy shows them.
    if (/^(?:\*\*)?Available options:(?:\*\*)?$/.test(text)) {
      const items: string[] = [];
      let end = i;
      for (
        let k = skipBlank(lines, i + 1);
        BULLET.test(lines[k]?.text ?? "");
        k = skipBlank(lines, k + 1)
      ) {
        items.push(inline(BULLET.exec((lines[k] as Line).text)?.[1] as string));
        end = k;
      }
      if (items.length > 0) {
        push(
          line,
          `Available options: ${items.map((t) => t.replace(/^`([^`]*)`$/, "$1")).join(", ")}`,
        );
        i = end;
        continue;
      }
    }
    const fence = FENCE.exec(text);
    if (fence !== null) {
      i = readCode(lines, i, fence[1] as string, out);
      continue;
    }
    const next = lines[i + 1];
    const setext = next !== undefined && text !== "" && SETEXT.test(next.text);
    const heading = setext ? text : ATX.exec(text)?.[2];
    // `Example Request` over a code block, in hand-written pages: the curl sample says it already.
    if (heading !== undefined && EXAMPLE_HEADING.test(inline(heading))) {
      let code = skipBlank(lines, i + (setext ? 2 : 1));
      // The panel's buttons come first.
      while (/^(?:Copy|Ask AI)$/.test(lines[code]?.text ?? "")) code = skipBlank(lines, code + 1);
      const fence = FENCE.exec(lines[code]?.text ?? "")?.[1];
      if (fence !== undefined) {
        let end = code + 1;
        while (end < lines.length && !(lines[end] as Line).text.startsWith(fence)) end++;
        i = end;
        continue;
      }
    }
    if (setext && !/^[*+-]\s/.test(text)) {
      // `Title` over `=====`: a heading; `---` under text is also a heading, never a rule there.
      blank(line);
      if (next.text.startsWith("=")) titles.push(out.length);
      push(line, inline(text));
      blank(line);
      i++;
      continue;
    }
    // `Orders# List fills`: the breadcrumb above the title glued onto the h1; the breadcrumb goes.
    const atx = ATX.exec(text) ?? ATX.exec(GLUED_ATX.exec(text)?.[1] ?? "");
    if (atx !== null) {
      // `## [](…#request-body) Request Body`: the heading's anchor goes; alone (`#### [](…#params)`
      // over `Params`), the heading's text follows on its own line.
      const written = inline(atx[2] as string)
        .replace(ANCHOR, "")
        .trim();
      // `#### Body (application/json)`: the section, then its media type as the page shows it.
      const withMedia = /^(.+?)\s*\(([\w.+-]+\/[\w.+-]+)\)$/.exec(written);
      const media =
        withMedia !== null &&
        Object.hasOwn(SECTION_HEADINGS, sectionSpelling(withMedia[1] as string))
          ? (withMedia[2] as string)
          : undefined;
      const content = media === undefined ? written : (withMedia?.[1] as string);
      const depth = (atx[1] as string).length;
      if (content === "") continue;
      const after = skipBlank(lines, i + 1);
      // `## POST` over a fenced URL: the method and the endpoint.
      const endpoint = METHOD.test(content) ? fencedUrl(lines, after) : undefined;
      if (endpoint !== undefined) {
        blank(line);
        push(line, content);
        push(lines[endpoint.at] as Line, endpoint.origin);
        push(lines[endpoint.at] as Line, endpoint.path);
        blank(line);
        i = endpoint.end;
        continue;
      }
      while (fields.length > 0 && (fields.at(-1) as { depth: number }).depth >= depth) fields.pop();
      const pills = lines[after];
      // The heading is the field's name when what follows is its pills: code spans on one line
      // (`\`string\` \`required\``), or labelled list items (`* **Type**: \`string\``).
      const field =
        depth < 3 || /\s/.test(content) || pills === undefined
          ? undefined
          : PILLS.test(pills.text)
            ? { pills: pillLines(pills.text), end: after }
            : bulletPills(lines, after);
      if (field !== undefined) {
        const parent = fields.at(-1)?.path ?? [];
        let own = content.split(".");
        if (own.length > 1 && own[0] === parent.at(-1)) own = own.slice(1);
        const path = [...parent, ...own];
        fields.push({ depth, path });
        blank(line);
        anchors.push(out.length);
        anchorIds.push(undefined);
        push(line, path.join("."));
        for (const pill of field.pills) push(pills as Line, pill);
        i = field.end;
        continue;
      }
      // A section heading at any depth (`#### Body` under `### Authorization`) ends the fields
      // above it.
      if (depth < 3 || Object.hasOwn(SECTION_HEADINGS, sectionSpelling(content))) fields.length = 0;
      blank(line);
      // The section is `Authorizations` on the page; `Authorization` alone names its header.
      if (depth < 3 && content === "Authorization") {
        push(line, "Authorizations");
        blank(line);
        continue;
      }
      if ((atx[1] as string).length === 1) titles.push(out.length);
      const respelled = depth > 1 ? sectionSpelling(content) : content;
      const kind = Object.hasOwn(SECTION_HEADINGS, respelled)
        ? (SECTION_HEADINGS[respelled] as string)
        : "";
      const spelled = generated.has(kind) ? content : respelled;
      push(line, spelled);
      if (kind !== "" && depth < 4 && deep.has(kind)) {
        (out.at(-1) as Line).own = true;
        (out.at(-1) as Line).heading = true;
      }
      if (media !== undefined) {
        blank(line);
        push(line, media);
      }
      // A heading over a group of fields (`### Cost`), not a field: the next line is no pill.
      const pill = lines[after] !== undefined && marker((lines[after] as Line).text) !== undefined;
      if (depth === 2 || (depth === 3 && !pill)) {
        if (!Object.hasOwn(SECTION_HEADINGS, spelled)) (out.at(-1) as Line).heading = true;
      }
      blank(line);
      continue;
    }
    if (text === "[" && isSplitAnchor(lines, i)) {
      // `[` / blank / `](url#id)`: an anchor link whose empty text a scraper spread over lines.
      while (i + 1 < lines.length && !(lines[i + 1] as Line).text.startsWith("](")) i++;
      i++;
      blank(line);
      anchors.push(out.length);
      anchorIds.push(anchorId(`[]${(lines[i] as Line).text.slice(1)}`));
      continue;
    }
    const labelled = LABELLED_ANCHOR.exec(text);
    if (labelled !== null) {
      blank(line);
      anchors.push(out.length);
      anchorIds.push(anchorId(`[](${labelled[2]})`));
      // `‹question id›`: how the label names a map's entries, Mintlify's `{question_id}`.
      const label = inline(labelled[1] as string).replace(
        /^‹([^›]+)›$/,
        (_, key: string) => `{${key.trim().replace(/\s+/g, "_")}}`,
      );
      push(line, label);
      // A map's entry typed `Question`: a model the page describes elsewhere, any value here.
      const type = skipBlank(lines, i + 1);
      const model = lines[type];
      const entry = label.startsWith("{");
      if (entry && model !== undefined && /^[A-Z][A-Za-z0-9]*$/.test(model.text))
        lines[type] = { ...model, raw: "any", text: "any" };
      continue;
    }
    if (ANCHOR.test(text)) {
      blank(line);
      anchors.push(out.length);
      anchorIds.push(anchorId(text));
      const rest = inline(text.replace(ANCHOR, "").trim());
      // `[](#body-amount)amountintegerrequired`: the extractor glued the pills to the name.
      const head = rest === "" ? undefined : splitFieldHead(rest, anchorId(text));
      for (const part of head ?? (rest === "" ? [] : [rest])) push(line, part);
      continue;
    }
    if (LINK_ONLY.test(text)) continue;
    const body = text.replace(IMAGE, "").trim();
    if (body === "" && text !== "") continue;
    // `Default: \`US\`` is the default pill only in the run of pills under `Type:`; in a
    // description it stays prose.
    const afterType = /^Type:/.test(previous);
    previous = body;
    push(line, relabel(inline(body), afterType));
  }
  return { lines: out, titles, anchors, anchorIds };
}

/** A fence holding one URL (```` ```url ````): its origin and path, and the fence's last line. */
function fencedUrl(
  lines: Line[],
  at: number,
): { at: number; origin: string; path: string; end: number } | undefined {
  const fence = FENCE.exec(lines[at]?.text ?? "")?.[1];
  const url = lines[at + 1]?.text ?? "";
  if (fence === undefined || !lines[at + 2]?.text.startsWith(fence)) return undefined;
  const parts = /^(https?:\/\/[^/\s]+)(\/\S*)$/.exec(url);
  if (parts === null) return undefined;
  return { at: at + 1, origin: parts[1] as string, path: parts[2] as string, end: at + 2 };
}

/** `` `string | null` or `string[]` `` `` `required` ``: the type (alternatives joined), then each pill. */
function pillLines(text: string): string[] {
  const spans = text.split(/`/).filter((_, k) => k % 2 === 1);
  const or = text.split(/`[^`]*`/).map((gap) => gap.trim() === "or");
  let types = 1;
  while (or[types] === true) types++;
  const alternatives = spans.slice(0, types).flatMap((t) => t.split(/\s*\|\s*/));
  return [[...new Set(alternatives)].join(" | "), ...spans.slice(types)];
}

/**
 * `Required range: x >= 0[](#parameter-order-id)order_id…`: a scraper that keeps no break before
 * the next field's anchor link (or a heading); outside code blocks, either starts a line of its own.
 */
function splitAtAnchors(lines: Line[]): Line[] {
  const out: Line[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const open = FENCE.exec(line.text)?.[1];
    if (open !== undefined)
      fence = fence === undefined ? open : line.text.startsWith(fence) ? undefined : fence;
    let text = line.text;
    for (
      let at = MID_ANCHOR.exec(text);
      fence === undefined && at !== null;
      at = MID_ANCHOR.exec(text)
    ) {
      const before = text.slice(0, at.index).trim();
      out.push({ ...line, raw: before, text: before });
      text = text.slice(at.index);
    }
    out.push(text === line.text ? line : { ...line, raw: text, text });
  }
  return out;
}

/**
 * Some scrapers spell the pills out: `Type: \`enum<string>\`` (two trailing spaces, a markdown
 * line break) and `Required` on the next line. The pills again, as the page shows them.
 */
function relabel(text: string, afterType = false): string {
  if (text === "Required") return "required";
  // `Type: \`Session Context\` (object)`: a named object type, `Session Context · object`.
  const named = /^Type:\s*`([^`]+)`\s*\((\w+(?:\[\])*)\)$/.exec(text);
  if (named !== null) return `${named[1]} \u00B7 ${named[2]}`;
  // `Default: \`US\``: the default pill.
  const fallback = afterType ? /^Default:\s*`([^`]*)`$/.exec(text) : null;
  if (fallback !== null) return `default:${fallback[1]}`;
  // `Location: \`header\``: the location pill.
  const location = /^Location:\s*`?(path|query|header|cookie|body)`?$/i.exec(text);
  if (location !== null) return (location[1] as string).toLowerCase();
  const type = /^Type:\s*`?([^`]+?)`?$/.exec(text);
  return type === null ? text : (type[1] as string);
}

/** The fragment of an anchor link (`[](https://x/y#body-amount)` → `body-amount`). */
function anchorId(text: string): string | undefined {
  const id = /^\[\s*\]\([^)#\s]*#([^)\s]+)\)/.exec(text)?.[1];
  return id === undefined ? undefined : id.toLowerCase();
}

function isSplitAnchor(lines: Line[], at: number): boolean {
  for (let k = at + 1; k < lines.length && k <= at + 3; k++) {
    const text = (lines[k] as Line).text;
    if (/^\]\([^)\s]*\)$/.test(text)) return true;
    if (text !== "") return false;
  }
  return false;
}

/** Markdown inline syntax that carries no meaning for the reader: escapes, backticks around values, bold. */
function inline(text: string): string {
  // Scrapers escape only outside code spans: `a\_b` inside backticks is literal.
  let result = text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ESCAPE, "$1")))
    .join("");
  // `**可用选项**:`, `**Max length**: \`10\``: a bold label, and a value in code after it.
  const label = /^\*\*([^*]+?)\*\*\s*([:：])\s*(?:`([^`]*)`)?\s*$/.exec(result);
  if (label !== null)
    result = `${label[1]}${label[2]}${label[3] === undefined ? "" : ` ${label[3]}`}`;
  // `* **Content-Type**: \`application/json\``: the body's media type, as the page shows it.
  const media = /^[*+-]\s+\*\*Content-Type\*\*\s*[:：]\s*`([\w.+-]+\/[\w.+-]+)`\s*$/i.exec(result);
  if (media !== null) return media[1] as string;
  // `Available options :`: a scraper's space before a label's colon.
  result = result.replace(
    /^(Available options|Allowed values?|Examples?|Required range)\s+:/,
    "$1:",
  );
  const bold = /^\*\*([^*]+)\*\*$/.exec(result);
  if (bold !== null) result = bold[1] as string;
  const span = CODE_SPAN_LINE.exec(result);
  if (span !== null) return `${(span[1] as string).trim()}${span[2]}`;
  if (VALUE_HEAD.test(result)) result = result.replace(/`/g, "");
  return result;
}

/**
 * A fenced block: kept (verbatim, for the curl and JSON readers) when it holds a curl command or
 * JSON, dropped when it is a sample in another language. A scraper's `\` before a line break
 * inside the block (`[\`) is an escaped newline, not part of the code.
 */
function readCode(lines: Line[], at: number, fence: string, out: Line[]): number {
  let end = at + 1;
  while (end < lines.length && !(lines[end] as Line).text.startsWith(fence)) end++;
  emitCode(lines.slice(at + 1, end), out, lines[at] as Line);
  return end;
}

function emitCode(code: Line[], out: Line[], open: Line): void {
  const body = unwrapTicks(code);
  const first = body.find((line) => line.text !== "")?.text ?? "";
  // `POST https://api.acme.io/v1/x` over its headers, in an `http` block: the request line only,
  // marked, which names the operation when nothing else on the page does (else it is dropped).
  if (/^\s*(?:`{3,}|~{3,})\s*http\b/i.test(open.text) && URL_REQUEST_LINE.test(first)) {
    const at = body.find((line) => line.text !== "") as Line;
    out.push({ no: at.no, raw: first, text: first, requestLine: true });
    return;
  }
  const kept = /^curl(?:\s|$)/.test(first) || first.startsWith("{") || first.startsWith("[");
  if (!kept) return;
  if (out.length > 0 && out.at(-1)?.text !== "") out.push({ no: open.no, raw: "", text: "" });
  for (const line of body) {
    const raw = /[^\s\\]\\$/.test(line.raw) ? line.raw.slice(0, -1) : line.raw;
    out.push({ no: line.no, raw, text: raw.trim() });
  }
  const last = body.at(-1) ?? open;
  out.push({ no: last.no, raw: "", text: "", codeEnd: true });
}

/**
 * Some extractors write a code block's text as one inline code span inside the fence:
 * `` `curl --request GET \`` … `` …'` ``. The span's backticks are not code.
 */
function unwrapTicks(body: Line[]): Line[] {
  const first = body.findIndex((line) => line.text !== "");
  let last = body.length - 1;
  while (last > first && (body[last] as Line).text === "") last--;
  const open = body[first];
  const close = body[last];
  if (open === undefined || close === undefined) return body;
  if (
    !/^`[^`]/.test(open.text) ||
    !/[^`]`$/.test(close.text) ||
    (first === last && open.text.length < 3)
  )
    return body;
  return body.map((line, i) => {
    let raw = line.raw;
    if (i === first) raw = raw.replace("`", "");
    if (i === last) raw = raw.slice(0, raw.lastIndexOf("`"));
    return raw === line.raw ? line : { ...line, raw, text: raw.trim() };
  });
}

/**
 * The kinds of section the page's headings (of `minDepth` or deeper) name in Mintlify's own
 * spelling (`#### Path Parameters`, `#### **Body**`), outside code: the generated reference's.
 */
function generatedKinds(lines: Line[], minDepth: number): Set<string> {
  const kinds = new Set<string>();
  let fence: string | undefined;
  for (const { text } of lines) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (mark !== undefined && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    const atx = fence === undefined ? ATX.exec(text) : null;
    if (atx === null || (atx[1] as string).length < minDepth) continue;
    const words = inline(atx[2] as string)
      .replace(ANCHOR, "")
      .replace(/^\*\*(.*)\*\*$/, "$1")
      .trim();
    if (Object.hasOwn(SECTION_HEADINGS, words)) kinds.add(SECTION_HEADINGS[words] as string);
  }
  return kinds;
}
