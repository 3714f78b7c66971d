/**
 * A loopback HTTP server that answers like the providers: for any path in specs/<p>/openapi.yaml
 * it returns a schema-valid JSON body built from the operation's first 2xx response (examples
 * first, then defaults, enums and plain placeholders). Unknown paths get a 404. Every request is
 * recorded so tests can assert on headers and bodies.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./workspace.ts";

type Schema = Record<string, unknown>;

interface Route {
  provider: string;
  method: string;
  template: string;
  pattern: RegExp;
  status: number;
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received (after any host rewriting). */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The route that answered, or undefined for a 404. */
  route?: { provider: string; method: string; template: string };
  status: number;
}

export interface FakeProvider {
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Loads every provider's canonical spec and turns each operation into a route. */
export function loadRoutes(root = repoRoot): Route[] {
  const routes: Route[] = [];
  const specsDir = join(root, "specs");
  for (const provider of readdirSync(specsDir).sort()) {
    const file = join(specsDir, provider, "openapi.yaml");
    if (!existsSync(file)) continue;
    const spec = parse(readFileSync(file, "utf8")) as Schema;
    for (const [template, item] of Object.entries((spec.paths as Schema) ?? {})) {
      for (const [method, op] of Object.entries(item as Schema)) {
        if (!/^(get|put|post|delete|patch|head|options)$/.test(method)) continue;
        const [status, response] = firstSuccess(op as Schema, spec);
        const body = jsonBody(response, spec);
        const segments = template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join("[^/]+");
        routes.push({
          provider,
          method: method.toUpperCase(),
          template,
          // Any leading path: a server or baseUrl may carry one (https://host/api -> /api/...).
          pattern: new RegExp(`^(?:/.*)?${segments}/?$`),
          status,
          body,
        });
      }
    }
  }
  return routes;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
}

function firstSuccess(op: Schema, spec: Schema): [number, Schema | undefined] {
  const responses = (op.responses as Schema | undefined) ?? {};
  const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  if (!code) return [200, undefined];
  return [Number(code), deref(responses[code] as Schema, spec)];
}

function jsonBody(response: Schema | undefined, spec: Schema): unknown {
  const content = response?.content as Record<string, Schema> | undefined;
  const media = content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const examples = media.examples as Record<string, { value?: unknown }> | undefined;
  const first = examples && Object.values(examples)[0];
  if (first?.value !== undefined) return first.value;
  return sample(media.schema as Schema | undefined, spec, 0);
}

function deref(node: Schema | undefined, spec: Schema): Schema | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 20; hops++) {
    const ref = current.$ref as string;
    current = ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>(
        (acc, key) => (acc as Schema | undefined)?.[key.replace(/~1/g, "/")],
        spec,
      ) as Schema | undefined;
  }
  return current;
}

/** A value that validates against `schema` (for the subset of JSON Schema specs use). */
export function sample(node: Schema | undefined, spec: Schema, depth: number): unknown {
  const schema = deref(node, spec);
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const list = schema[key] as Schema[] | undefined;
    if (!list?.length) continue;
    if (key !== "allOf")
      return sample(
        list.find((s) => deref(s, spec)?.type !== "null"),
        spec,
        depth + 1,
      );
    return Object.assign({}, ...list.map((s) => sample(s, spec, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
    case undefined: {
      if (!schema.properties && type === undefined) return null;
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries((schema.properties as Schema) ?? {})) {
        out[key] = sample(prop as Schema, spec, depth + 1);
      }
      return out;
    }
    case "array":
      return [sample(schema.items as Schema | undefined, spec, depth + 1)];
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "string":
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "email":
      return "ada@example.com";
    case "uri":
    case "url":
      return "https://example.com/";
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
    default:
      return "example";
  }
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeProvider(routes = loadRoutes()): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://loopback").pathname;
      const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        status: route ? route.status : 404,
      };
      if (route) {
        recorded.route = {
          provider: route.provider,
          method: route.method,
          template: route.template,
        };
      }
      requests.push(recorded);
      const body = route ? route.body : { message: `no operation for ${req.method} ${path}` };
      res.writeHead(recorded.status, { "content-type": "application/json" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
