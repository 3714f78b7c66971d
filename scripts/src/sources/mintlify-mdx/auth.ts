import { type Field, newField } from "../model/field.ts";
import { blockParagraphs, plainText } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

/** A header a hand-written page's Authentication section says every request carries. */
export interface AuthHeader {
  name: string;
  value?: string | undefined;
  description: string;
  line: number;
}

export const AUTH_SECTION =
  /^(?:authori[sz]ations?|authentication|auth|api keys?|认证|鉴权|身份验证|身份认证|授权|認証|인증|autenticaci[oó]n|autentica[çc][ãa]o|authentification|authentifizierung|аутентификация|авторизация)$/i;

// "Include one of the following", "either header": any one of the headers named will do.
export const EITHER =
  /\b(?:one of|either|any of)\b|之一|任选|任一|いずれか|uno de|um dos|l'un des|eine[nrs]? der|один из/i;

// A section that says no credential is sent: "None.", "No `Authorization` header is required".
// So too in other languages: `Ninguna. No se requiere…`, `Nenhuma`, `Aucune`, `Keine`, 无需.
const NO_AUTH =
  /^\s*(?:none(?!\s+of)|no authentication|not required|ningun[oa]|nenhum[oa]?|aucune?|keine)\b|\bno\b[^.]{0,60}\b(?:is|are)\s+(?:required|needed|expected)\b|\b(?:is|are) not (?:required|needed)\b|\bno se (?:requiere|necesita)|\bn[ãa]o [ée] (?:necess[áa]ri|obrigat[óo]ri)|\bn'est pas (?:requis|n[ée]cessaire)|\bnicht erforderlich|^\s*(?:无|無|无需|不需要)/i;
// "No other header is required besides `x-api-key`": a credential, and nothing more.
const ONLY_THIS =
  /\bno other\b|\bother than\b|\bbesides\b|\bexcept\b|\bapart from\b|\bbeyond\b|\badem[áa]s de\b|\baparte de\b|\bal[ée]m de\b|\ben dehors de\b|\bau(?:ß|ss)er\b/i;

// A header name as pages write it: `Authorization`, `X-Api-Key`, `api-key`, `X-Client-Token`.
const HEADER_NAME = /^(?:authorization|[\w-]*(?:key|token|secret|auth)[\w-]*|x-[\w-]+)$/i;
const HEADER_LINE = /^\s*([A-Za-z][\w-]*)\s*:\s*(\S.*?)\s*$/;

/**
 * The header a paragraph or code block of an Authentication section names: "Send your key in the
 * `x-api-key` header", "`Authorization: Bearer <token>`", or a code line `X-Api-Key: <key>`.
 */
export function readAuthHeader(node: MdNode, tree: Tree): AuthHeader | undefined {
  const line = lineOf(node, tree);
  if (node.type === "table") return undefined;
  if (node.type === "code") {
    for (const text of (node.value ?? "").split("\n")) {
      const match = HEADER_LINE.exec(text);
      if (
        match !== null &&
        HEADER_NAME.test(match[1] as string) &&
        !/^https?$/i.test(match[1] as string)
      )
        return { name: match[1] as string, value: match[2], description: "", line };
    }
    return undefined;
  }
  if (node.type !== "paragraph" && node.type !== "list") return undefined;
  const text = plainText(node.children);
  if (!/\bheaders?\b/i.test(text) && !/authorization/i.test(text)) return undefined;
  const description = blockParagraphs([node]).join("\n\n");
  for (const code of inlineCodes(node)) {
    const pair = HEADER_LINE.exec(code);
    const name = pair !== null && HEADER_NAME.test(pair[1] as string) ? pair[1] : code.trim();
    if (!HEADER_NAME.test(name as string)) continue;
    // "None. No `Authorization` header is required": named only to say it is not sent.
    if (declined(text, name as string)) return undefined;
    return { name: name as string, value: pair?.[2], description, line };
  }
  return undefined;
}

/**
 * True when every sentence (or clause) naming the header says it is not sent; one that names it
 * and asks for it (`Not required for the sandbox; in production send \`X-Key\``) keeps it.
 */
function declined(text: string, name: string): boolean {
  const parts = text.split(/(?<=[.!?;。；])\s*/).filter((p) => p.includes(name));
  return parts.length > 0 && parts.every((p) => NO_AUTH.test(p) && !ONLY_THIS.test(p));
}

/**
 * The headers an Authentication section's block names: a table's rows (`| API key | \`x-api-key:
 * <key>\` |`), one per row, or the one a paragraph or code block names.
 */
export function readAuthHeaders(node: MdNode, tree: Tree): AuthHeader[] {
  if (node.type !== "table") {
    const one = readAuthHeader(node, tree);
    return one === undefined ? [] : [one];
  }
  const found: AuthHeader[] = [];
  for (const row of (node.children ?? []).slice(1)) {
    const line = lineOf(row, tree);
    const description = plainText(row.children?.[0]?.children);
    for (const code of inlineCodes(row)) {
      const pair = HEADER_LINE.exec(code);
      const name = pair?.[1] ?? code.trim();
      if (!HEADER_NAME.test(name) || found.some((h) => h.name.toLowerCase() === name.toLowerCase()))
        continue;
      found.push({ name, value: pair?.[2], description, line });
      break;
    }
  }
  return found;
}

/** The Authorizations field a header mention stands for. */
export function authField(header: AuthHeader): Field {
  const field = newField(header.name, header.line);
  field.location = "header";
  field.required = true;
  field.schema = { type: "string" };
  if (header.description !== "") field.description.push(header.description);
  if (header.value !== undefined) field.example = { value: header.value };
  return field;
}

function inlineCodes(node: MdNode, out: string[] = [], depth = 0): string[] {
  if (depth > 32) return out;
  for (const child of node.children ?? []) {
    if (child.type === "inlineCode") out.push(child.value ?? "");
    else inlineCodes(child, out, depth + 1);
  }
  return out;
}
