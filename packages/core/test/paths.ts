/** A loose paths type: any path, any method, JSON in and out. */
interface Op {
  parameters: { query?: Record<string, string>; header?: Record<string, string> };
  requestBody?: { content: { "application/json": unknown } };
  responses: {
    200: { content: { "application/json": unknown } };
    default: { content: { "application/json": unknown } };
  };
}

export type AnyPaths = Record<
  string,
  { get: Op; post: Op; put: Op; patch: Op; delete: Op; head: Op; options: Op }
>;
