import { type Context, fail } from "../model/context.ts";
import { setOwn } from "../model/own.ts";
import { lowerCamelCase } from "../model/security.ts";
import type { Locate } from "./locate.ts";
import type { Schema } from "./summary-schema.ts";

/** Security schemes by name and the operation's requirements (alternatives, in order). */
export interface SummarySecurity {
  schemes: Record<string, Schema>;
  requirements: Record<string, string[]>[];
}

const WHERE = ["query", "header", "cookie"] as const;

/**
 * Mintlify's summary lists each security alternative as `{title, parameters: {query, header,
 * cookie}}`, the credentials of one alternative together. The scheme names themselves are gone;
 * the title joins them with ` & ` (`keyAuth & signature`), so they are taken from it when it names
 * one per credential, else from the title (one credential) or the credential's name.
 */
export function readSummarySecurity(list: unknown, locate: Locate, ctx: Context): SummarySecurity {
  const schemes: Record<string, Schema> = {};
  const requirements: Record<string, string[]>[] = [];
  if (list === undefined || list === null) return { schemes, requirements };
  const at = ["paths", "request", "security"];
  if (!Array.isArray(list)) {
    fail(ctx, locate(at), "a list of security alternatives", String(list));
    return { schemes, requirements };
  }
  list.forEach((alternative, index) => {
    if (!isMap(alternative) || !isMap(alternative.parameters)) {
      fail(ctx, locate([...at, index]), "a security alternative with `parameters`");
      return;
    }
    const credentials: { name: string; in: string; scheme: Schema }[] = [];
    for (const where of WHERE) {
      const group = alternative.parameters[where];
      if (!isMap(group)) continue;
      for (const [name, scheme] of Object.entries(group)) {
        if (!isMap(scheme)) continue;
        credentials.push({ name, in: where, scheme });
      }
    }
    const title = typeof alternative.title === "string" ? alternative.title.trim() : "";
    const parts = title.split(/\s*&\s*/).filter((p) => p !== "");
    const requirement: Record<string, string[]> = {};
    credentials.forEach((credential, i) => {
      const named =
        parts.length === credentials.length ? parts[i] : credentials.length === 1 ? title : "";
      const name = schemeName(named ?? "", credential.name);
      const scheme = toScheme(credential, locate([...at, index, "parameters", credential.in]), ctx);
      if (scheme === undefined) return;
      if (!Object.hasOwn(schemes, name)) setOwn(schemes, name, scheme);
      setOwn(requirement, name, []);
    });
    // An alternative with no credentials is Mintlify's spelling of "no authentication needed".
    requirements.push(requirement);
  });
  return requirements.every((r) => Object.keys(r).length === 0)
    ? { schemes, requirements: [] }
    : { schemes, requirements };
}

/** A component name: the title as written when it is a valid one, else made from the words. */
function schemeName(title: string, credential: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(title)) return title;
  return lowerCamelCase(title === "" ? credential : title);
}

function toScheme(
  credential: { name: string; in: string; scheme: Schema },
  line: number,
  ctx: Context,
): Schema | undefined {
  const { type, scheme, bearerFormat, description } = credential.scheme;
  const described = typeof description === "string" ? { description } : {};
  switch (type) {
    case "http": {
      const out: Schema = { type: "http", scheme: typeof scheme === "string" ? scheme : "bearer" };
      if (typeof bearerFormat === "string") out.bearerFormat = bearerFormat;
      return { ...out, ...described };
    }
    case "apiKey":
      return { type: "apiKey", in: credential.in, name: credential.name, ...described };
    case "oauth2":
      // The summary keeps no flows; an empty flows object says so without inventing one.
      return { type: "oauth2", flows: {}, ...described };
    default:
      fail(
        ctx,
        line,
        `a security type (http, apiKey, oauth2) for ${credential.name}`,
        String(type),
      );
      return undefined;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
