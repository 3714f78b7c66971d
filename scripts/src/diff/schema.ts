import type { OpenAPIDocument } from "../sources/types.ts";
import {
  has,
  isObject,
  type JsonObject,
  objectOf,
  sameJson,
  stableJson,
  unionKeys,
} from "./json.ts";
import { type Resolved, resolveRef } from "./refs.ts";
import { type Bump, code, type Emit } from "./report.ts";
import {
  covers,
  formatTypes,
  sameTypes,
  shapeOf,
  strings,
  type TypeSet,
  typeSet,
  variantsOf,
} from "./schema-shape.ts";
import { compareValues } from "./schema-values.ts";
import { diffVariants } from "./schema-variants.ts";

/**
 * Which way data flows. A request schema may widen (callers' old requests still valid) but not
 * narrow; a response schema is what consumers' code reads, so any change to what it can hold,
 * and any field it stops guaranteeing, breaks them.
 */
export type Direction = "request" | "response";

/** Where a schema sits, for messages, and the two documents its `$ref`s resolve against. */
export interface SchemaScope {
  before: OpenAPIDocument;
  after: OpenAPIDocument;
  direction: Direction;
  /** What a field is called: `request field`, `404 response field`, `query parameter`. */
  noun: string;
  /** What the schema root is called, e.g. `response body`. */
  root: string;
  /** The operation in backticks. */
  op: string;
  emit: Emit;
  /** Local `$ref`s whose whole closure is identical on both sides (see `unchangedRefs`). */
  unchanged?: ReadonlySet<string> | undefined;
}

/**
 * A walk in progress, breadth first so that each schema is first reported at its shortest path.
 * A pair of schemas already on a path is a cycle and not entered again along it. A pair reached
 * by other paths (a shared `Address` under `billing` and `shipping`) is compared at up to
 * `MAX_PATHS` of them: every use a reviewer cares about is named, and a densely shared schema
 * graph still compares in time linear in its size.
 */
export interface Walk {
  scope: SchemaScope;
  queue: Task[];
  /** How many paths each pair has been compared at. */
  seen: Map<string, number>;
  /** The pairs leading to the one being compared. */
  trail: Trail | undefined;
  ids: WeakMap<object, number>;
  nextId: number;
}

interface Task {
  before: unknown;
  after: unknown;
  path: string;
  trail: Trail | undefined;
}

interface Trail {
  key: string;
  parent: Trail | undefined;
}

const MAX_PATHS = 4;

/** Reports every difference between two schemas at `path` (dotted; `[]` for array items). */
export function diffSchema(scope: SchemaScope, before: unknown, after: unknown, path = ""): void {
  const state: Walk = {
    scope,
    queue: [],
    seen: new Map(),
    trail: undefined,
    ids: new WeakMap(),
    nextId: 0,
  };
  walk(state, before, after, path);
  for (let next = 0; next < state.queue.length; next++) visit(state, state.queue[next] as Task);
}

/** What a message calls the schema at `path`. */
export function subject(scope: SchemaScope, path: string): string {
  return path === "" ? scope.root : `${scope.noun} ${code(path)}`;
}

/** Schedules the comparison of a pair of child schemas at `path`. */
export function walk(state: Walk, before: unknown, after: unknown, path: string): void {
  state.queue.push({ before, after, path, trail: state.trail });
}

function visit(state: Walk, task: Task): void {
  const { scope } = state;
  if (sameUnchangedRef(scope, task.before, task.after)) return;
  const b = resolveRef(scope.before, schemaValue(task.before));
  const a = resolveRef(scope.after, schemaValue(task.after));
  if (!isObject(b.node) || !isObject(a.node) || has(b.node, "$ref") || has(a.node, "$ref")) {
    // A boolean schema or an external reference: all we can say is whether it changed.
    if (!sameJson(b.node, a.node)) {
      scope.emit("major", `Changed schema of ${subject(scope, task.path)} in ${scope.op}`);
    }
    return;
  }
  const key = `${identityKey(state, b)}:${identityKey(state, a)}`;
  const count = state.seen.get(key) ?? 0;
  if (count >= MAX_PATHS || onTrail(task.trail, key)) return;
  state.seen.set(key, count + 1);
  state.trail = { key, parent: task.trail };
  compare(state, shapeOf(scope.before, b.node), shapeOf(scope.after, a.node), task.path);
}

function onTrail(trail: Trail | undefined, key: string): boolean {
  for (let step = trail; step !== undefined; step = step.parent) if (step.key === key) return true;
  return false;
}

function compare(state: Walk, b: JsonObject, a: JsonObject, path: string): void {
  const { scope } = state;
  const what = subject(scope, path);
  compareDocs(scope, b, a, what);
  const bothUnions = variantsOf(b) !== undefined && variantsOf(a) !== undefined;
  const bTypes = typeSet(scope.before, b);
  const aTypes = typeSet(scope.after, a);
  if (!bothUnions) compareTypes(scope, bTypes, aTypes, what);
  compareValues(scope, b, a, what);
  if (bTypes?.has("object") && aTypes?.has("object")) compareObjects(state, b, a, path);
  if (bTypes?.has("array") && aTypes?.has("array") && (has(b, "items") || has(a, "items"))) {
    walk(state, b.items, a.items, `${path}[]`);
  }
  if (bothUnions) diffVariants(state, b, a, path);
}

function compareDocs(scope: SchemaScope, b: JsonObject, a: JsonObject, what: string): void {
  const { emit, op } = scope;
  for (const key of ["title", "description"]) {
    if (!sameJson(b[key], a[key])) emit("patch", `Changed ${key} of ${what} in ${op}`);
  }
  if (!sameJson(b.example, a.example) || !sameJson(b.examples, a.examples)) {
    emit("patch", `Changed example of ${what} in ${op}`);
  }
  if (!sameJson(b.externalDocs, a.externalDocs)) {
    emit("patch", `Changed external docs of ${what} in ${op}`);
  }
  // SemVer 2.0.0 §7: marking something deprecated calls for a minor release.
  if (a.deprecated === true && b.deprecated !== true) emit("minor", `Deprecated ${what} in ${op}`);
  if (b.deprecated === true && a.deprecated !== true) {
    emit("minor", `Removed deprecation of ${what} in ${op}`);
  }
}

function compareTypes(scope: SchemaScope, b: TypeSet, a: TypeSet, what: string): void {
  if (sameTypes(b, a)) return;
  const widened = covers(a, b);
  const verb = widened ? "Widened" : covers(b, a) ? "Narrowed" : "Changed";
  // Requests may accept more than before; a response type change of any kind reaches consumers'
  // code (a wider type breaks their handling, a narrower one their literal comparisons).
  const bump: Bump = scope.direction === "request" && widened ? "minor" : "major";
  const from = code(formatTypes(b));
  scope.emit(
    bump,
    `${verb} type of ${what} in ${scope.op} from ${from} to ${code(formatTypes(a))}`,
  );
}

function compareObjects(state: Walk, b: JsonObject, a: JsonObject, path: string): void {
  const { scope } = state;
  const { emit, op, direction } = scope;
  const before = objectOf(b.properties);
  const after = objectOf(a.properties);
  const bRequired = new Set(strings(b.required));
  const aRequired = new Set(strings(a.required));
  for (const name of unionKeys(Object.keys(before), Object.keys(after))) {
    const child = path === "" ? name : `${path}.${name}`;
    const what = `${scope.noun} ${code(child)}`;
    // A readOnly field is never sent and a writeOnly one never returned: there, it is absent.
    const bSchema = has(before, name) ? before[name] : undefined;
    const aSchema = has(after, name) ? after[name] : undefined;
    const inBefore = !unseen(scope, scope.before, bSchema);
    const inAfter = !unseen(scope, scope.after, aSchema);
    if (!inBefore && !inAfter) continue;
    if (!inAfter) {
      emit("major", `Removed ${what} from ${op}`);
    } else if (!inBefore) {
      if (direction === "response") emit("minor", `Added ${what} to ${op}`);
      else if (aRequired.has(name)) emit("major", `Added required ${what} to ${op}`);
      else emit("minor", `Added optional ${what} to ${op}`);
    } else {
      const wasRequired = bRequired.has(name);
      if (wasRequired !== aRequired.has(name)) {
        // A request field becoming required, or a response field no longer guaranteed, breaks.
        const breaking = direction === "request" ? !wasRequired : wasRequired;
        const now = wasRequired ? "optional" : "required";
        emit(breaking ? "major" : "minor", `Made ${what} ${now} in ${op}`);
      }
      walk(state, bSchema, aSchema, child);
    }
  }
  compareAdditional(state, b.additionalProperties, a.additionalProperties, path);
}

function unseen(scope: SchemaScope, doc: OpenAPIDocument, raw: unknown): boolean {
  if (raw === undefined) return true;
  const { node } = resolveRef(doc, raw);
  if (!isObject(node)) return false;
  return scope.direction === "request" ? node.readOnly === true : node.writeOnly === true;
}

function compareAdditional(state: Walk, b: unknown, a: unknown, path: string): void {
  const { scope } = state;
  const closedBefore = b === false;
  const closedAfter = a === false;
  const what = subject(scope, path);
  if (!closedBefore && !closedAfter) {
    if (b !== undefined || a !== undefined) walk(state, b, a, path === "" ? "*" : `${path}.*`);
  } else if (closedBefore !== closedAfter) {
    const bump: Bump = scope.direction === "request" && closedAfter ? "major" : "minor";
    const verb = closedAfter ? "Disallowed" : "Allowed";
    scope.emit(bump, `${verb} additional properties in ${what} in ${scope.op}`);
  }
}

/** An absent schema and `true` both admit anything. */
function schemaValue(raw: unknown): unknown {
  return raw === undefined || raw === true ? {} : raw;
}

function sameUnchangedRef(scope: SchemaScope, b: unknown, a: unknown): boolean {
  if (!isObject(b) || !isObject(a) || typeof b.$ref !== "string" || b.$ref !== a.$ref) return false;
  return (
    Object.keys(b).length === 1 && Object.keys(a).length === 1 && !!scope.unchanged?.has(b.$ref)
  );
}

/** The object reached plus any keys written next to its `$ref`, which can differ per use. */
function identityKey(state: Walk, resolved: Resolved): string {
  const { identity, siblings } = resolved;
  let id = isObject(identity) ? state.ids.get(identity) : -1;
  if (id === undefined) {
    id = state.nextId++;
    state.ids.set(identity as object, id);
  }
  return siblings === undefined ? String(id) : `${id}${stableJson(siblings)}`;
}
