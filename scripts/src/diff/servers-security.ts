import { arrayOf, has, isObject, objectOf, sameJson, stringOf, unionKeys } from "./json.ts";
import { code, type Emit } from "./report.ts";
import { strings } from "./schema-shape.ts";

/** Security requirements as one comparable line: `ApiKey + Timestamp or Bearer`, or `none`. */
export function formatSecurity(requirements: unknown): string {
  const alternatives = arrayOf(requirements).map((requirement) => {
    const schemes = objectOf(requirement);
    const parts = Object.keys(schemes)
      .sort()
      .map((name) => {
        const scopes = strings(schemes[name]).sort();
        return scopes.length === 0 ? name : `${name} (${scopes.join(", ")})`;
      });
    return parts.length === 0 ? "none" : parts.join(" + ");
  });
  return alternatives.length === 0 ? "none" : [...new Set(alternatives)].sort().join(" or ");
}

/**
 * Any change to which credentials a call needs is breaking: even an added alternative changes
 * what the generated client asks its caller for.
 */
export function diffSecurity(emit: Emit, before: unknown, after: unknown, where: string): void {
  const from = formatSecurity(before);
  const to = formatSecurity(after);
  if (from !== to) emit("major", `Changed ${where} from ${code(from)} to ${code(to)}`);
}

/** Compares `components.securitySchemes`: how each credential is sent. */
export function diffSecuritySchemes(emit: Emit, before: unknown, after: unknown): void {
  const b = objectOf(before);
  const a = objectOf(after);
  for (const name of unionKeys(Object.keys(b), Object.keys(a))) {
    const what = `security scheme ${code(name)}`;
    if (!has(a, name)) emit("major", `Removed ${what}`);
    else if (!has(b, name)) emit("minor", `Added ${what}`);
    else {
      const bs = objectOf(b[name]);
      const as = objectOf(a[name]);
      for (const key of unionKeys(Object.keys(bs), Object.keys(as))) {
        if (sameJson(bs[key], as[key])) continue;
        if (key === "description") emit("patch", `Changed description of ${what}`);
        else emit("major", `Changed ${code(key)} of ${what}${fromTo(bs[key], as[key])}`);
      }
    }
  }
}

function fromTo(before: unknown, after: unknown): string {
  const scalar = (value: unknown) => value === undefined || !isObject(value);
  if (!scalar(before) || !scalar(after)) return "";
  const show = (value: unknown) => (value === undefined ? "nothing" : code(value));
  return ` from ${show(before)} to ${show(after)}`;
}

/** Compares server lists by URL; `op` (in backticks) when they are an operation's own servers. */
export function diffServers(emit: Emit, before: unknown, after: unknown, op?: string): void {
  const b = byUrl(before);
  const a = byUrl(after);
  for (const url of unionKeys(b.keys(), a.keys())) {
    const what = `server ${code(url)}`;
    const bs = b.get(url);
    const as = a.get(url);
    if (as === undefined) emit("major", `Removed ${what}${op ? ` from ${op}` : ""}`);
    else if (bs === undefined) emit("minor", `Added ${what}${op ? ` to ${op}` : ""}`);
    else {
      const at = op ? ` of ${op}` : "";
      if (!sameJson(bs.description, as.description)) {
        emit("patch", `Changed description of ${what}${at}`);
      }
      const bv = objectOf(bs.variables);
      const av = objectOf(as.variables);
      if (!sameJson(withoutDescriptions(bv), withoutDescriptions(av))) {
        // A changed default or enum changes the URL calls go to.
        emit("major", `Changed variables of ${what}${at}`);
      } else if (!sameJson(bv, av)) {
        emit("patch", `Changed variable descriptions of ${what}${at}`);
      }
    }
  }
}

function byUrl(servers: unknown): Map<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>();
  for (const server of arrayOf(servers)) {
    const url = stringOf(objectOf(server).url);
    if (url !== undefined && !result.has(url)) result.set(url, objectOf(server));
  }
  return result;
}

function withoutDescriptions(variables: Record<string, unknown>): unknown {
  return Object.fromEntries(
    Object.entries(variables).map(([name, variable]) => {
      const { description: _, ...rest } = objectOf(variable);
      return [name, rest];
    }),
  );
}
