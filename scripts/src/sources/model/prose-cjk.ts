import { typed, unquote } from "./prose-value.ts";
import type { Schema } from "./type-line.ts";

/**
 * The facts Chinese, Japanese and Korean descriptions state in their own words: `默认 \`7\``,
 * `取值范围 1-100`, `最大长度 64`, `可选值：\`a\`、\`b\``, `デフォルト: 10`. As with the English
 * phrases (prose.ts), only phrasings that cannot mean anything else, with the value in code or a
 * plain number; what the structured parts of the page state always wins (the caller fills gaps).
 */
export function readCjkProse(
  text: string,
  kind: "number" | "string" | "array" | "boolean",
  types: string[],
): Schema {
  const out: Schema = {};
  if (!CJK.test(text)) return out;
  const def = DEFAULT.exec(text) ?? DEFAULT_AFTER.exec(text);
  if (def !== null && kind !== "array") {
    const value = typed(unquote(def[1] as string), kind, types);
    if (value !== undefined) out.default = value;
  }
  if (kind === "number") {
    const range = RANGE.exec(text);
    if (range !== null && numberOf(range[1]) <= numberOf(range[2])) {
      out.minimum = numberOf(range[1]);
      out.maximum = numberOf(range[2]);
    } else {
      const min = MIN.exec(text);
      const max = MAX.exec(text);
      if (min !== null) out.minimum = numberOf(min[1]);
      if (max !== null) out.maximum = numberOf(max[1]);
    }
  }
  if (kind === "string") {
    const length = LENGTH_RANGE.exec(text);
    if (length !== null && numberOf(length[1]) <= numberOf(length[2])) {
      out.minLength = numberOf(length[1]);
      out.maxLength = numberOf(length[2]);
    } else {
      const max = MAX_LENGTH.exec(text);
      if (max !== null) out.maxLength = numberOf(max[1]);
    }
  }
  if (kind === "array") {
    const items = MAX_ITEMS.exec(text);
    if (items !== null) out.maxItems = numberOf(items[1]);
  }
  if (kind === "number" || kind === "string") {
    const values = listedValues(text, kind, types);
    if (values !== undefined) out.enum = values;
  }
  return out;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
// `10,000`: thousands separated by commas (never the digits before a separator alone).
const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+(?!,\d{3}))(?:\.\d+)?`;
/** A number as the text writes it, separators and all. */
const numberOf = (text: string | undefined): number =>
  text === undefined ? Number.NaN : Number(text.replace(/,/g, ""));
const VALUE = String.raw`(\x60[^\x60]+\x60|"[^"]+"|${NUM}(?![\w.:/-])|true\b|false\b)`;
const SAYS = String.raw`\s*(?:为|為|是|は|：|:|＝|=)?\s*`;
// `默认 \`7\``, `默认值为 10`, `デフォルト: 20`, `기본값: true`.
const DEFAULT = new RegExp(
  `(?:默认值?|默認值?|缺省值?|デフォルト(?:値)?|既定値|기본값)${SAYS}${VALUE}`,
);
// `\`crisp\`（默认）`: the value, then the word.
const DEFAULT_AFTER = /(`[^`]+`)\s*[（(](?:默认|默認|デフォルト|기본값)[)）]/;
const PAIR = String.raw`\x60?(${NUM})\x60?\s*(?:-|–|~|～|至|到|〜)\s*\x60?(${NUM})\x60?`;
const RANGE = new RegExp(
  String.raw`(?:取值范围|取值範圍|范围|範囲|범위)${SAYS}[\[【(（]?\s*${PAIR}`,
);
const MIN = new RegExp(String.raw`(?:最小值|最小|最低|下限|最小値)${SAYS}\x60?(${NUM})\x60?`);
const MAX = new RegExp(
  String.raw`(?:最大值|最大(?!长度|長さ|長度)|最高|上限|最大値)${SAYS}\x60?(${NUM})\x60?`,
);
const LENGTH_RANGE = new RegExp(
  String.raw`(?:长度|長度|長さ|길이)${SAYS}${PAIR}|${PAIR}\s*(?:个)?(?:字符|文字|자)`,
);
const MAX_LENGTH = new RegExp(
  String.raw`(?:最大长度|最大長度|长度上限|最长|最大文字数|최대 길이)${SAYS}\x60?(${NUM})\x60?`,
);
const MAX_ITEMS = new RegExp(String.raw`最多\s*\x60?(${NUM})\x60?\s*(?:个|項|项|条|條|件|개)`);
// `可选值：\`a\`、\`b\``, `取值：\`x\` 或 \`y\``, `支持以下值：` over code items.
const VALUES_HEAD =
  /(?:可选值|可选|取值|枚举值|支持的值|支持以下值|允许的值|可能的值|選択肢|指定可能な値|可能な値|가능한 값|허용 값)\s*(?:为|為|有|包括|は)?\s*[:：]?/;
const SEP = /^\s*(?:[、,，/|]|或|和|及|または|또는)?\s*$/;

function listedValues(
  text: string,
  kind: "number" | "string",
  types: string[],
): unknown[] | undefined {
  const head = VALUES_HEAD.exec(text);
  if (head === null) return undefined;
  const rest = text.slice(head.index + head[0].length);
  // The values follow inline (`\`a\`、\`b\``) or as the items of a list, one code span each.
  const items = /^\s*\n/.test(rest) || /^\s*[-*]\s/.test(rest) ? listItems(rest) : inline(rest);
  if (items === undefined || items.length < 2) return undefined;
  const values = items.map((item) => typed(item, kind, types));
  if (values.some((v) => v === undefined) || new Set(values).size !== values.length)
    return undefined;
  return values;
}

function inline(rest: string): string[] | undefined {
  const line = rest.split("\n")[0] ?? "";
  const codes = [...line.matchAll(/`([^`]+)`/g)];
  if (codes.length < 2) return undefined;
  // Only separators between them: `\`a\`、\`b\` 或 \`c\``; a sentence between is no list.
  for (let i = 1; i < codes.length; i++) {
    const prev = codes[i - 1] as RegExpExecArray;
    const between = line.slice(prev.index + prev[0].length, (codes[i] as RegExpExecArray).index);
    if (!SEP.test(between)) return codes.slice(0, i).map((m) => m[1] as string);
  }
  return codes.map((m) => m[1] as string);
}

function listItems(rest: string): string[] | undefined {
  const items: string[] = [];
  for (const line of rest.replace(/^\s*\n/, "").split("\n")) {
    const item = /^\s*[-*]\s+`([^`]+)`/.exec(line);
    if (item === null) break;
    items.push(item[1] as string);
  }
  return items.length > 0 ? items : undefined;
}
