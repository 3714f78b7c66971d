/**
 * Mintlify prints its labels in the docs site's language. A page saved from a site in Chinese has
 * `#### 路径参数` for `#### Path Parameters`, `必需` for `required`, `可用选项:` for
 * `Available options:`; from a site in Portuguese, `#### Corpo` and `obrigatório`. This module
 * puts the English label back on such a line, so one reader serves every language it knows.
 * Only labels seen on real pages are listed.
 */

const LINES: Readonly<Record<string, string>> = {
  路径参数: "Path Parameters",
  查询参数: "Query Parameters",
  请求头: "Headers",
  请求体: "Body",
  响应: "Response",
  必需: "required",
  必填: "required",
  显示子属性: "Show child attributes",
  隐藏子属性: "Hide child attributes",
  复制页面: "Copy page",
  试一试: "Try it",
  // Japanese.
  承認: "Authorizations",
  パスパラメータ: "Path Parameters",
  クエリパラメータ: "Query Parameters",
  ボディ: "Body",
  レスポンス: "Response",
  必須: "required",
  // Portuguese.
  Autorizações: "Authorizations",
  Corpo: "Body",
  Resposta: "Response",
  obrigatório: "required",
  // Arabic.
  التفويضات: "Authorizations",
  الجسم: "Body",
  الاستجابة: "Response",
  مطلوب: "required",
};

const LABELS: Readonly<Record<string, string>> = {
  可用选项: "Available options:",
  最小字符串长度: "Minimum string length:",
  最大字符串长度: "Maximum string length:",
  所需字符串长度: "Required string length:",
  最小数组长度: "Minimum array length:",
  最大数组长度: "Maximum array length:",
  所需数组长度: "Required array length:",
  所需范围: "Required range:",
  // The default pill on a line of its own (`默认值:application/json`), as `default:` is.
  默认值: "default:",
  必填范围: "Required range:",
  Exemplo: "Example:",
  利用可能なオプション: "Available options:",
  示例: "Example:",
  最大长度: "Maximum length:",
  最小长度: "Minimum length:",
  例: "Example:",
  مثال: "Example:",
};

// Bold too (`**可用选项**:`), as pages saved through a markdown renderer write them.
const LABEL = new RegExp(`^(\\s*)(\\*\\*)?(${Object.keys(LABELS).join("|")})(?:\\*\\*)?\\s*[:：]`);
// Words prose also opens a sentence with (`示例：zh-CN 表示…`): a label only when bold, or alone
// on its line with the value below.
const PROSE_PRONE = new Set(["示例", "最大长度", "最小长度", "例", "مثال"]);
// The default pill's value: one word of code, or quoted (`默认值：不传时…。` opens a sentence;
// `` 默认值：`10` `` in a description is prose, which the prose reader reads).
const BARE_VALUE = /^\s*(?:"[^"]*"|[\x21-\x5f\x61-\x7e]+)\s*$/;
// Where the default pill stands: under the field's type or another of its pills.
const PILL_WORD = /^(?:必填|必需|required|deprecated|header|query|path|cookie)$/;

function amongPills(prev: string, isType: (text: string) => boolean): boolean {
  return PILL_WORD.test(prev.trim()) || isType(prev.trim());
}
// `#### 请求体 (application/json)`: the word translated, the media type after it kept.
const HEADING = /^(#{2,6}\s+)(\S+?)(\s*\([\w.+-]+\/[\w.+-]+\))?\s*$/;
/** Pills after a type, glued as a copy gives them: `stringheader必填`, `integer默认值:1`. */
const PILLS =
  /^(\s*[a-z][\w<>[\]| ]*?)((?:header|query|path|cookie)?)((?:默认值[:：]\S*?)?)(必填|必需)?$/;

/**
 * The line with its label in English. `授权` translates both `Authorizations` (the heading) and
 * the `Authorization` header's name: what follows tells which.
 */
export function toEnglish(
  raw: string,
  nextText: () => string,
  isType: (text: string) => boolean,
  prevText: () => string = () => "",
): string {
  const heading = HEADING.exec(raw);
  if (heading !== null) {
    const title = heading[2] === "授权" ? "Authorizations" : LINES[heading[2] as string];
    return title === undefined ? raw : `${heading[1]}${title}${heading[3] ?? ""}`;
  }
  const text = raw.trim();
  if (Object.hasOwn(LINES, text)) return raw.replace(text, LINES[text] as string);
  const label = LABEL.exec(raw);
  const rest = label === null ? "" : raw.slice(label[0].length);
  const prose =
    label !== null &&
    ((PROSE_PRONE.has(label[3] as string) && !label[2] && rest.trim() !== "") ||
      (label[3] === "默认值" && !(BARE_VALUE.test(rest) && amongPills(prevText(), isType))));
  if (label !== null && !prose) {
    const english = LABELS[label[3] as string] as string;
    // `最大长度: \`500\` 字符`: the number, without its unit or code span.
    const number = /length:$/.test(english) ? /-?\d+/.exec(rest)?.[0] : undefined;
    return `${label[1]}${english}${number === undefined ? rest : ` ${number}`}`;
  }
  if (!/[\u3000-\u9fff\uff00-\uffef]/.test(raw)) return raw;
  if (text === "授权") {
    const next = nextText();
    // Followed by its type it is the header's name, `Authorization`, translated too.
    return isType(next) ? "Authorization" : next === "" ? raw : "Authorizations";
  }
  const pills = PILLS.exec(raw);
  if (pills !== null && (pills[3] !== "" || pills[4] !== undefined)) {
    const value = (pills[3] as string).replace(/^默认值[:：]/, "default:");
    return `${pills[1]}${pills[2]}${value}${pills[4] === undefined ? "" : "required"}`;
  }
  return raw;
}
