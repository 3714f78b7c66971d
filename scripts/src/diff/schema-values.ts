import { has, type JsonObject, sameJson, stableJson } from "./json.ts";
import { type Bump, code } from "./report.ts";
import type { SchemaScope } from "./schema.ts";

/**
 * The value rules of a schema — enums, bounds, formats, defaults — compared in the direction the
 * data flows: what narrows a request or widens a response breaks callers.
 */
export function compareValues(
  scope: SchemaScope,
  b: JsonObject,
  a: JsonObject,
  what: string,
): void {
  compareEnums(scope, b, a, what);
  compareConstraints(scope, b, a, what);
  compareDefaults(scope, b, a, what);
}

function compareEnums(scope: SchemaScope, b: JsonObject, a: JsonObject, what: string): void {
  const before = enumOf(b);
  const after = enumOf(a);
  const { emit, op, direction } = scope;
  if (before === undefined && after === undefined) return;
  if (before === undefined && after !== undefined) {
    emit("major", `Restricted ${what} in ${op} to values ${after.map(code).join(", ")}`);
    return;
  }
  if (after === undefined) {
    emit(
      direction === "request" ? "minor" : "major",
      `Removed enum restriction from ${what} in ${op}`,
    );
    return;
  }
  const beforeKeys = new Set(before?.map(stableJson));
  const afterKeys = new Set(after.map(stableJson));
  for (const value of before ?? []) {
    if (!afterKeys.has(stableJson(value))) {
      emit("major", `Removed enum value ${code(value)} from ${what} in ${op}`);
    }
  }
  for (const value of after) {
    // A new value in a response breaks an exhaustive switch, but providers add statuses and
    // event types routinely; like Stripe, we treat it as additive and clients should keep a
    // default branch. Treating it as major would make nearly every upstream change a major.
    if (!beforeKeys.has(stableJson(value))) {
      emit("minor", `Added enum value ${code(value)} to ${what} in ${op}`);
    }
  }
}

function enumOf(schema: JsonObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return has(schema, "const") ? [schema.const] : undefined;
}

type Limit = "min" | "max" | "other";

const CONSTRAINTS: ReadonlyArray<readonly [string, Limit]> = [
  ["minimum", "min"],
  ["exclusiveMinimum", "min"],
  ["maximum", "max"],
  ["exclusiveMaximum", "max"],
  ["minLength", "min"],
  ["maxLength", "max"],
  ["minItems", "min"],
  ["maxItems", "max"],
  ["minProperties", "min"],
  ["maxProperties", "max"],
  ["multipleOf", "other"],
  ["pattern", "other"],
  ["format", "other"],
  ["uniqueItems", "other"],
];

function compareConstraints(scope: SchemaScope, b: JsonObject, a: JsonObject, what: string): void {
  const { emit, op } = scope;
  for (const [key, limit] of CONSTRAINTS) {
    const before = constraint(b, key);
    const after = constraint(a, key);
    if (sameJson(before, after)) continue;
    const change = boundChange(limit, before, after);
    // A stricter request rejects calls that used to pass; a looser response can return values
    // consumers were told could not occur; a different format or pattern can do both.
    const breaking =
      change === "different" || (scope.direction === "request") === (change === "tighter");
    const bump: Bump = breaking ? "major" : "minor";
    if (before === undefined) {
      emit(bump, `Added ${code(`${key}: ${stableText(after)}`)} to ${what} in ${op}`);
    } else if (after === undefined) {
      emit(bump, `Removed ${code(`${key}: ${stableText(before)}`)} from ${what} in ${op}`);
    } else {
      emit(bump, `Changed ${code(key)} of ${what} in ${op} from ${code(before)} to ${code(after)}`);
    }
  }
}

function constraint(schema: JsonObject, key: string): unknown {
  const value = schema[key];
  return key === "uniqueItems" && value === false ? undefined : value;
}

function boundChange(
  limit: Limit,
  before: unknown,
  after: unknown,
): "tighter" | "looser" | "different" {
  if (after === undefined) return "looser";
  if (before === undefined) return "tighter";
  if (typeof before !== "number" || typeof after !== "number") return "different";
  if (limit === "min") return after > before ? "tighter" : "looser";
  if (limit === "max") return after < before ? "tighter" : "looser";
  return "different";
}

function stableText(value: unknown): string {
  return typeof value === "string" ? value : stableJson(value);
}

function compareDefaults(scope: SchemaScope, b: JsonObject, a: JsonObject, what: string): void {
  if (sameJson(b.default, a.default)) return;
  const { emit, op } = scope;
  if (!has(b, "default") || !has(a, "default")) {
    emit("patch", `Changed documented default of ${what} in ${op}`);
    return;
  }
  // A new default silently changes what every call that omits the field does.
  const bump: Bump = scope.direction === "request" ? "major" : "patch";
  const change = `from ${code(b.default)} to ${code(a.default)}`;
  emit(bump, `Changed default of ${what} in ${op} ${change}`);
}
