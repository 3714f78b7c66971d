import type { Field } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";

/** Where a field goes: a parameter location, the body, or the credentials (`auth`). */
export type Place = "path" | "query" | "header" | "cookie" | "body" | "auth";

/**
 * Where a field the page gives no place goes (a hand-written page's `Parameters`, or fields
 * under no heading): the path's where the template names it, the body's for a request that
 * sends one, else the query's.
 */
export function defaultPlace(model: OperationModel, name: string): Place {
  if (model.path.includes(`{${name}}`)) return "path";
  return /^(?:POST|PUT|PATCH)$/.test(model.method) ? "body" : "query";
}

/**
 * Puts a field where `where` says: the body's fields (a body made for it where the page had
 * none), the credentials, or the parameters with its location (a child keeps the one its
 * parent has).
 */
export function putField(model: OperationModel, field: Field, where: Place): void {
  if (where === "body") {
    model.body ??= { media: "application/json", fields: [], paragraphs: [] };
    model.body.fields.push(field);
    return;
  }
  if (field.path.length === 1) field.location = where === "auth" ? "header" : where;
  (where === "auth" ? model.security : model.parameters).push(field);
}
