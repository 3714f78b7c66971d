import { JSONPath } from "jsonpath-plus";
import { ParseError, PipelineError } from "../errors.ts";
import type { OpenAPIDocument } from "../sources/types.ts";
import { parseYamlObject } from "../yaml-source.ts";
import { isObject } from "./openapi-walk.ts";

/** One action of an OpenAPI Overlay 1.0 document. */
interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

/** Reads an OpenAPI Overlay 1.0 document, checking its shape. */
export function parseOverlay(text: string, file: string): OverlayAction[] {
  const doc = parseYamlObject(text, file);
  if (typeof doc.overlay !== "string" || !doc.overlay.startsWith("1.")) {
    throw new ParseError({ file, line: 1 }, "`overlay: 1.0.0`", String(doc.overlay));
  }
  if (!Array.isArray(doc.actions)) {
    throw new ParseError({ file }, "`actions`: a list", String(doc.actions));
  }
  return doc.actions.map((action: unknown, i: number) => {
    if (!isObject(action) || typeof action.target !== "string") {
      throw new ParseError(
        { file },
        `actions[${i}] with a JSONPath \`target\``,
        JSON.stringify(action),
      );
    }
    if (action.update === undefined && action.remove !== true) {
      throw new ParseError(
        { file },
        `actions[${i}] (${action.target}) with \`update\` or \`remove: true\``,
      );
    }
    return action as OverlayAction;
  });
}

/**
 * Applies overlay actions in order (Overlay 1.0): `update` deep-merges into every node the target
 * selects (objects merge, arrays append, scalars replace); `remove` deletes them. A target that
 * selects nothing is an error: an overlay that silently stops applying hides an upstream change.
 */
export function applyOverlay(
  input: OpenAPIDocument,
  actions: OverlayAction[],
  file: string,
): OpenAPIDocument {
  const doc = structuredClone(input);
  actions.forEach((action, i) => {
    const matches = JSONPath({ path: action.target, json: doc, resultType: "all" }) as {
      parent: unknown;
      parentProperty: string | number;
      value: unknown;
    }[];
    if (matches.length === 0) {
      throw new PipelineError(
        `${file}: actions[${i}] target ${action.target} matches nothing in the spec`,
      );
    }
    for (const { parent, parentProperty, value } of action.remove ? matches.reverse() : matches) {
      if (action.remove) {
        if (Array.isArray(parent)) parent.splice(Number(parentProperty), 1);
        else if (isObject(parent)) delete parent[parentProperty];
      } else if (isObject(value) || Array.isArray(value)) {
        mergeInto(value, structuredClone(action.update));
      } else if (isObject(parent) || Array.isArray(parent)) {
        (parent as Record<string | number, unknown>)[parentProperty] = structuredClone(
          action.update,
        );
      }
    }
  });
  return doc;
}

function mergeInto(target: unknown, update: unknown): void {
  if (Array.isArray(target)) {
    target.push(...(Array.isArray(update) ? update : [update]));
    return;
  }
  if (!isObject(target) || !isObject(update)) return;
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (
      (isObject(current) && isObject(value)) ||
      (Array.isArray(current) && Array.isArray(value))
    ) {
      mergeInto(current, value);
    } else {
      target[key] = value;
    }
  }
}
