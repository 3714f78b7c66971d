import { type Context, fail } from "./context.ts";
import type { Field } from "./field.ts";
import { setOwn } from "./own.ts";
import type { Schema } from "./type-line.ts";

/** Security schemes by name, and the operation's security requirements. */
export interface Security {
  schemes: Record<string, Schema>;
  requirements: Record<string, string[]>[];
}

/**
 * Authorizations fields to security schemes. Every listed field is needed together (Mintlify
 * lists the members of one requirement), so they form a single requirement object; unless the
 * page says any one will do (`either`), when each is a requirement of its own.
 */
export function readSecurity(fields: Field[], ctx: Context, either = false): Security {
  const schemes: Record<string, Schema> = {};
  const requirement: Record<string, string[]> = {};
  let optional = false;
  for (const field of fields) {
    const entry = schemeFor(field, ctx);
    if (entry === undefined) continue;
    setOwn(schemes, entry.name, entry.scheme);
    setOwn(requirement, entry.name, []);
    optional ||= !field.required;
  }
  if (Object.keys(requirement).length === 0) return { schemes, requirements: [] };
  if (either && Object.keys(requirement).length > 1)
    return { schemes, requirements: Object.keys(requirement).map((name) => ({ [name]: [] })) };
  return { schemes, requirements: optional ? [requirement, {}] : [requirement] };
}

function schemeFor(field: Field, ctx: Context): { name: string; scheme: Schema } | undefined {
  const location = field.location ?? "header";
  // `Authorization` is a header by its name: a page need not say so; so is an `X-` key's,
  // token's, secret's (`X-API-Key`, which older Mintlify pages show with no location pill), a
  // string of no options (not `X-Priority` whose `Headers` title a copy lost).
  const named =
    /^authorizations?$/i.test(field.name) ||
    (/^x-[\w-]*(?:key|token|secret|auth)[\w-]*$/i.test(field.name) &&
      field.schema.type === "string" &&
      field.options === undefined &&
      !/\bquery\b/i.test(field.description.join(" ")));
  if ((field.location === undefined && !named) || location === "path") {
    fail(ctx, field.line, `a location (header, query or cookie) for ${field.name}`, field.location);
    if (location === "path") return undefined;
  }
  // `Authorizations`: the section's title a copy kept as the header's name, which is
  // `Authorization`.
  const name =
    location === "header" && /^authorizations$/i.test(field.name) ? "Authorization" : field.name;
  const description = field.description.join("\n\n");
  const described = description === "" ? {} : { description };
  if (location === "header" && name === "Authorization") {
    // The example value says it too: `Bearer <token>`, `Basic base64(user:pass)`.
    const example = typeof field.example?.value === "string" ? field.example.value : "";
    const said = `${description} ${example}`;
    if (/\bbearer\b/i.test(said)) {
      return { name: "bearerAuth", scheme: { type: "http", scheme: "bearer", ...described } };
    }
    if (/\bbasic\b/i.test(said)) {
      return { name: "basicAuth", scheme: { type: "http", scheme: "basic", ...described } };
    }
  }
  return {
    name: lowerCamelCase(name),
    scheme: { type: "apiKey", in: location, name, ...described },
  };
}

/** `X-Api-Key` -> `xApiKey`, `api_key` -> `apiKey`. */
export function lowerCamelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words
    .map((w, i) =>
      i === 0 ? w.toLowerCase() : (w[0] as string).toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join("");
  return name === "" || /^[0-9]/.test(name) ? `apiKey${name}` : name;
}
