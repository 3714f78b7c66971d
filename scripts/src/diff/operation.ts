import { diffContent, diffDeprecated, diffText, type OperationScope } from "./content.ts";
import { arrayOf, has, isObject, type JsonObject, objectOf, sameJson, unionKeys } from "./json.ts";
import { resolveRef } from "./refs.ts";
import { code } from "./report.ts";
import { diffResponses } from "./responses.ts";
import { diffSchema } from "./schema.ts";
import { strings } from "./schema-shape.ts";
import { diffSecurity, diffServers } from "./servers-security.ts";

/** One side of an operation: the operation object and the path item that holds it. */
export interface OperationSide {
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Reports every difference between two versions of the same `METHOD /path`. */
export function diffOperation(scope: OperationScope, b: OperationSide, a: OperationSide): void {
  const { emit, op } = scope;
  const bo = b.operation;
  const ao = a.operation;
  diffText(scope, bo, ao, op, ["summary", "description", "externalDocs"]);
  if (!sameJson(strings(bo.tags), strings(ao.tags))) {
    const from = code(strings(bo.tags).join(", "));
    emit("patch", `Changed tags of ${op} from ${from} to ${code(strings(ao.tags).join(", "))}`);
  }
  diffOperationId(scope, bo.operationId, ao.operationId);
  diffDeprecated(scope, bo, ao, `operation ${op}`);
  if (ao.security !== undefined || bo.security !== undefined) {
    // An operation that inherits the global security on both sides is covered by the global diff.
    const from = bo.security ?? scope.before.security;
    diffSecurity(emit, from, ao.security ?? scope.after.security, `security of ${op}`);
  }
  const ownServers = (side: OperationSide) =>
    side.operation.servers ?? side.pathItem.servers ?? undefined;
  if (ownServers(b) !== undefined || ownServers(a) !== undefined) {
    const from = ownServers(b) ?? scope.before.servers;
    diffServers(emit, from, ownServers(a) ?? scope.after.servers, op);
  }
  diffParameters(scope, parametersOf(scope.before, b), parametersOf(scope.after, a));
  diffRequestBody(scope, bo.requestBody, ao.requestBody);
  diffResponses(scope, bo.responses, ao.responses);
}

function diffOperationId(scope: OperationScope, b: unknown, a: unknown): void {
  if (sameJson(b, a)) return;
  const { emit, op } = scope;
  // The operationId keys the generated `operations` type: renaming it breaks code that names it.
  if (b === undefined) emit("minor", `Added operationId ${code(a)} to ${op}`);
  else if (a === undefined) emit("major", `Removed operationId ${code(b)} from ${op}`);
  else emit("major", `Changed operationId of ${op} from ${code(b)} to ${code(a)}`);
}

const PARAMETER_NOUN: Record<string, string> = {
  path: "path parameter",
  query: "query parameter",
  header: "header parameter",
  cookie: "cookie parameter",
};

/** Path-level parameters overridden by the operation's own, keyed by location and name. */
function parametersOf(doc: OperationScope["before"], side: OperationSide): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  for (const raw of [...arrayOf(side.pathItem.parameters), ...arrayOf(side.operation.parameters)]) {
    const { node } = resolveRef(doc, raw);
    if (!isObject(node) || typeof node.name !== "string" || typeof node.in !== "string") continue;
    // Header names are case-insensitive.
    const name = node.in === "header" ? node.name.toLowerCase() : node.name;
    result.set(`${node.in}\u0000${name}`, node);
  }
  return result;
}

function diffParameters(
  scope: OperationScope,
  before: Map<string, JsonObject>,
  after: Map<string, JsonObject>,
): void {
  const { emit, op } = scope;
  for (const key of unionKeys(before.keys(), after.keys())) {
    const bp = before.get(key);
    const ap = after.get(key);
    const param = (ap ?? bp) as JsonObject;
    const name = String(param.name);
    const location = String(param.in);
    const noun = has(PARAMETER_NOUN, location)
      ? (PARAMETER_NOUN[location] as string)
      : `${location} parameter`;
    const what = `${noun} ${code(name)}`;
    if (ap === undefined) emit("major", `Removed ${what} from ${op}`);
    else if (bp === undefined) {
      if (ap.required === true) emit("major", `Added required ${what} to ${op}`);
      else emit("minor", `Added optional ${what} to ${op}`);
    } else {
      const wasRequired = bp.required === true;
      if (wasRequired !== (ap.required === true)) {
        const now = wasRequired ? "optional" : "required";
        emit(wasRequired ? "minor" : "major", `Made ${what} ${now} in ${op}`);
      }
      diffText(scope, bp, ap, `${what} in ${op}`, ["description"]);
      if (!sameJson(bp.example, ap.example) || !sameJson(bp.examples, ap.examples)) {
        emit("patch", `Changed example of ${what} in ${op}`);
      }
      diffDeprecated(scope, bp, ap, `${what} in ${op}`);
      for (const key of ["style", "explode", "allowReserved", "allowEmptyValue"]) {
        // How the value is written into the URL or header: old callers would send it wrongly.
        if (!sameJson(bp[key], ap[key])) {
          emit("major", `Changed ${code(key)} of ${what} in ${op}`);
        }
      }
      const schemaScope = { ...scope, direction: "request" as const, noun, root: what };
      diffSchema(schemaScope, parameterSchema(bp), parameterSchema(ap), name);
    }
  }
}

function parameterSchema(param: JsonObject): unknown {
  if (param.schema !== undefined) return param.schema;
  const [first] = Object.values(objectOf(param.content));
  return objectOf(first).schema;
}

function diffRequestBody(scope: OperationScope, rawBefore: unknown, rawAfter: unknown): void {
  const { emit, op } = scope;
  const b = resolveRef(scope.before, rawBefore).node;
  const a = resolveRef(scope.after, rawAfter).node;
  if (!isObject(b) && !isObject(a)) return;
  if (!isObject(a)) {
    emit("major", `Removed request body from ${op}`);
    return;
  }
  if (!isObject(b)) {
    if (a.required === true) emit("major", `Added required request body to ${op}`);
    else emit("minor", `Added optional request body to ${op}`);
    return;
  }
  const wasRequired = b.required === true;
  if (wasRequired !== (a.required === true)) {
    const now = wasRequired ? "optional" : "required";
    emit(wasRequired ? "minor" : "major", `Made request body ${now} in ${op}`);
  }
  diffText(scope, b, a, `request body in ${op}`, ["description"]);
  diffContent(scope, b.content, a.content, {
    direction: "request",
    noun: "request field",
    root: "request body",
    owner: "request body",
  });
}
