import { diffContent, diffDeprecated, diffText, type OperationScope } from "./content.ts";
import { has, isObject, objectOf, sameJson, unionKeys } from "./json.ts";
import { resolveRef } from "./refs.ts";
import { code } from "./report.ts";
import { diffSchema } from "./schema.ts";

/**
 * Compares the responses of an operation by status. Fields of the main success response are
 * named plainly (`response field`); other statuses say which (`404 response field`).
 */
export function diffResponses(scope: OperationScope, b: unknown, a: unknown): void {
  const { emit, op } = scope;
  const before = objectOf(b);
  const after = objectOf(a);
  const primary = primaryStatus(Object.keys(after)) ?? primaryStatus(Object.keys(before));
  for (const status of unionKeys(Object.keys(before), Object.keys(after))) {
    if (!has(after, status)) {
      emit("major", `Removed response status ${code(status)} from ${op}`);
      continue;
    }
    if (!has(before, status)) {
      emit("minor", `Added response status ${code(status)} to ${op}`);
      continue;
    }
    const br = objectOf(resolveRef(scope.before, before[status]).node);
    const ar = objectOf(resolveRef(scope.after, after[status]).node);
    const prefix = status === primary ? "" : `${status} `;
    const owner = `response ${code(status)}`;
    diffText(scope, br, ar, `${owner} in ${op}`, ["description"]);
    diffHeaders(scope, br.headers, ar.headers, `${prefix}response header`);
    diffContent(scope, br.content, ar.content, {
      direction: "response",
      noun: `${prefix}response field`,
      root: `${prefix}response body`,
      owner,
    });
  }
}

/** The lowest explicit 2xx status, else `2XX`, else undefined. */
function primaryStatus(statuses: string[]): string | undefined {
  const success = statuses.filter((status) => /^2\d\d$/.test(status)).sort();
  return success[0] ?? statuses.find((status) => status.toUpperCase() === "2XX");
}

function diffHeaders(scope: OperationScope, b: unknown, a: unknown, noun: string): void {
  const { emit, op } = scope;
  const before = byLowerName(scope.before, b);
  const after = byLowerName(scope.after, a);
  for (const key of unionKeys(before.keys(), after.keys())) {
    const bh = before.get(key);
    const ah = after.get(key);
    const name = ah?.name ?? bh?.name ?? key;
    const what = `${noun} ${code(name)}`;
    if (ah === undefined) emit("major", `Removed ${what} from ${op}`);
    else if (bh === undefined) emit("minor", `Added ${what} to ${op}`);
    else {
      const wasRequired = bh.header.required === true;
      if (wasRequired !== (ah.header.required === true)) {
        const now = wasRequired ? "optional" : "required";
        emit(wasRequired ? "major" : "minor", `Made ${what} ${now} in ${op}`);
      }
      diffText(scope, bh.header, ah.header, `${what} in ${op}`, ["description"]);
      if (!sameJson(bh.header.example, ah.header.example)) {
        emit("patch", `Changed example of ${what} in ${op}`);
      }
      diffDeprecated(scope, bh.header, ah.header, `${what} in ${op}`);
      const schemaScope = { ...scope, direction: "response" as const, noun, root: what };
      diffSchema(schemaScope, bh.header.schema, ah.header.schema, name);
    }
  }
}

function byLowerName(
  doc: OperationScope["before"],
  headers: unknown,
): Map<string, { name: string; header: Record<string, unknown> }> {
  const result = new Map<string, { name: string; header: Record<string, unknown> }>();
  for (const [name, raw] of Object.entries(objectOf(headers))) {
    const { node } = resolveRef(doc, raw);
    if (isObject(node)) result.set(name.toLowerCase(), { name, header: node });
  }
  return result;
}
