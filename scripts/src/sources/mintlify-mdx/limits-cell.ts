import type { Field } from "../model/field.ts";
import { allowNull } from "../model/field-schema.ts";
import { unquote } from "../model/prose-value.ts";

/**
 * A table column that gathers what a field allows (`| 默认值 / 限制 |`, `| Constraints |`): one
 * cell says "required, default `Default Key`, length `1-50`" in a few comma-separated parts. Each
 * part is read for the one fact it can only mean; a part that says none is left alone (the
 * description column keeps the words).
 */
export function readLimitsCell(text: string, field: Field): void {
  const cell = text.trim();
  const types = [field.schema.type].flat();
  const numeric = types.includes("integer") || types.includes("number");
  // `auto`, `verified`, `official`, `null`: the values the field takes.
  const listed = LIST.test(cell) ? [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string) : [];
  if (listed.length >= 2 && !numeric) {
    const values = listed.filter((v) => v !== "null");
    if (values.length >= 1) field.options ??= { values, line: field.line };
    if (values.length < listed.length) allowNull(field.schema);
    return;
  }
  for (const raw of cell.split(/\s*[,，;；、]\s*/)) {
    const part = raw.trim();
    const number = (re: RegExp) => Number(re.exec(part)?.[1]);
    if (REQUIRED.test(part)) field.required = true;
    else if (DEFAULT.test(part)) field.defaultText ??= unquote(part.replace(DEFAULT, ""));
    else if (LENGTH.test(part)) setPair(field, "minLength", "maxLength", LENGTH.exec(part));
    else if (MAX_LENGTH.test(part)) field.constraints.maxLength ??= number(MAX_LENGTH);
    else if (MIN_LENGTH.test(part)) field.constraints.minLength ??= number(MIN_LENGTH);
    else if (MIN.test(part) && numeric) field.constraints.minimum ??= number(MIN);
    else if (MAX.test(part) && numeric) field.constraints.maximum ??= number(MAX);
    else if (RANGE.test(part) && numeric) setPair(field, "minimum", "maximum", RANGE.exec(part));
    else if (DATE_TIME.test(part) && types.includes("string")) field.schema.format ??= "date-time";
  }
}

const LIST = /^`[^`]+`(?:\s*[,，、|/]\s*`[^`]+`)+\s*$/;
const REQUIRED = /^(?:required|必填|必须|必需|必須|필수|obligatorio|obrigat[óo]rio|obligatoire)$/i;
const DEFAULT =
  /^(?:defaults?(?:\s+(?:is|to))?|默认值?为?|默認值?|デフォルト(?:値)?|기본값)\s*[:：]?\s*/i;
const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
const PAIR = String.raw`\x60?${NUM}\s*(?:-|–|—|~|～|\.\.|to|至|到)\s*${NUM}\x60?`;
const LENGTH = new RegExp(
  String.raw`^(?:length|长度|長度|長さ|길이|字符数)\s*[:：]?\s*${PAIR}`,
  "i",
);
const MAX_LENGTH =
  /^(?:max(?:imum)?\s+length|最大长度|最大長度|最长|最大文字数|최대 길이)\s*[:：]?\s*\x60?(\d+)\x60?/i;
const MIN_LENGTH =
  /^(?:min(?:imum)?\s+length|最小长度|最小長度|最短|最小文字数|최소 길이)\s*[:：]?\s*\x60?(\d+)\x60?/i;
const RANGE = new RegExp(
  String.raw`^(?:range|范围|取值范围|範囲|범위)?\s*[:：]?\s*${PAIR}(?:\s+\S+)?$`,
  "i",
);
const MIN = new RegExp(
  String.raw`^(?:min(?:imum)?|最小值?|下限|最低)\s*[:：]?\s*\x60?${NUM}\x60?`,
  "i",
);
const MAX = new RegExp(
  String.raw`^(?:max(?:imum)?|最大值?|(?:输入)?上限|最高)\s*[:：]?\s*\x60?${NUM}\x60?`,
  "i",
);
const DATE_TIME = /\b(?:RFC\s?3339|ISO[\s-]?8601)\b|^date-?time$/i;

function setPair(field: Field, low: string, high: string, match: RegExpExecArray | null): void {
  const a = Number(match?.[1]);
  const b = Number(match?.[2]);
  if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) return;
  field.constraints[low] ??= a;
  field.constraints[high] ??= b;
}
