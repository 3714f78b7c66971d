/**
 * Hand-written tables in other languages name their types in those languages (`文字列`,
 * `整数`, `배열`, `объект`). This puts the English type name in each word's place, so
 * `文字列|null` reads as `string|null`; a word not listed is left as it is (and may fail as a type
 * the reader cannot name). The words are those of
 * pages seen in each language, and the plain names of the other JSON types beside them.
 */

const WORDS: Readonly<Record<string, string>> = {
  // Chinese.
  字符串: "string",
  字符: "string",
  整数: "integer",
  整型: "integer",
  数字: "number",
  数值: "number",
  浮点数: "number",
  布尔: "boolean",
  布尔值: "boolean",
  数组: "array",
  对象: "object",
  // Japanese.
  文字列: "string",
  数値: "number",
  ブール値: "boolean",
  ブール: "boolean",
  真偽値: "boolean",
  配列: "array",
  オブジェクト: "object",
  バイナリ: "binary",
  // Korean.
  문자열: "string",
  정수: "integer",
  숫자: "number",
  부울: "boolean",
  불리언: "boolean",
  배열: "array",
  객체: "object",
  개체: "object",
  // Russian.
  строка: "string",
  число: "number",
  массив: "array",
  объект: "object",
};

const WORD = new RegExp(
  Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "g",
);

/** The type cell with each known foreign type word in English. */
export function englishTypeWords(text: string): string {
  return text.replace(WORD, (word) => WORDS[word] ?? word);
}
