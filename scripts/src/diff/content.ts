import type { OpenAPIDocument } from "../sources/types.ts";
import { has, isObject, objectOf, sameJson, unionKeys } from "./json.ts";
import { code, type Emit } from "./report.ts";
import { type Direction, diffSchema } from "./schema.ts";

/** One operation being compared. */
export interface OperationScope {
  before: OpenAPIDocument;
  after: OpenAPIDocument;
  emit: Emit;
  /** `METHOD /path` in backticks. */
  op: string;
  /** Local `$ref`s whose whole closure is identical on both sides (see `unchangedRefs`). */
  unchanged?: ReadonlySet<string> | undefined;
}

/** How a body's fields and root are named in messages. */
export interface BodyNames {
  direction: Direction;
  /** `request field`, `404 response field`. */
  noun: string;
  /** `request body`, `404 response body`. */
  root: string;
  /** What the media types belong to: `request body`, ``response `404` ``. */
  owner: string;
}

/**
 * Compares the media types of a body. Field messages do not name the media type: the same
 * schema under JSON and form encoding then reports each field once.
 */
export function diffContent(scope: OperationScope, b: unknown, a: unknown, names: BodyNames): void {
  const { emit, op } = scope;
  const before = objectOf(b);
  const after = objectOf(a);
  for (const type of unionKeys(Object.keys(before), Object.keys(after))) {
    if (!has(after, type)) {
      emit("major", `Removed media type ${code(type)} from ${names.owner} of ${op}`);
    } else if (!has(before, type)) {
      emit("minor", `Added media type ${code(type)} to ${names.owner} of ${op}`);
    } else {
      const bm = objectOf(before[type]);
      const am = objectOf(after[type]);
      if (!sameJson(bm.example, am.example) || !sameJson(bm.examples, am.examples)) {
        emit("patch", `Changed example of ${names.owner} in ${op}`);
      }
      if (bm.schema === undefined && am.schema === undefined) continue;
      const { direction, noun, root } = names;
      const schemaScope = { ...scope, direction, noun, root };
      diffSchema(schemaScope, bm.schema, am.schema);
    }
  }
}

/** Compares the free-text keys of two objects as documentation changes of `what`. */
export function diffText(
  scope: OperationScope,
  b: Record<string, unknown>,
  a: Record<string, unknown>,
  what: string,
  keys: readonly string[] = ["summary", "description"],
): void {
  for (const key of keys) {
    if (!sameJson(b[key], a[key])) {
      const label = key === "externalDocs" ? "external docs" : key;
      scope.emit("patch", `Changed ${label} of ${what}`);
    }
  }
}

/** Reports `deprecated` turning on or off (SemVer 2.0.0 §7: deprecation is a minor release). */
export function diffDeprecated(scope: OperationScope, b: unknown, a: unknown, what: string): void {
  const wasDeprecated = isObject(b) && b.deprecated === true;
  const isDeprecated = isObject(a) && a.deprecated === true;
  if (isDeprecated && !wasDeprecated) scope.emit("minor", `Deprecated ${what}`);
  if (wasDeprecated && !isDeprecated) scope.emit("minor", `Removed deprecation of ${what}`);
}
