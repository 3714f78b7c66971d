import { PipelineError } from "../errors.ts";
import { isObject } from "../pipeline/openapi-walk.ts";
import type { OpenAPIDocument, SourceFormat } from "../sources/types.ts";
import { applyFields } from "./package-fields.ts";

/** One snapshot of the new provider. */
export interface ScaffoldSource {
  /** Path under specs/<id>/, e.g. `upstream/get-a-widget.md`. */
  file: string;
  format: SourceFormat;
  text: string;
  /** The page's path on the docs site, when there is one. */
  page?: string | undefined;
  /** A document's URL, when it was fetched as is. */
  url?: string | undefined;
}

/** What `pnpm new-provider` needs to know; everything else comes from the parsed documents. */
export interface ScaffoldInput {
  id: string;
  sources: ScaffoldSource[];
  /** The docs site, when the provider came from one (`regen --discover` follows it). */
  docs?: { url: string; include: string[]; exclude: string[] } | undefined;
  /** The command that scaffolded it, for the provider.yaml header. */
  command?: string | undefined;
  /** The parsed upstream documents, combined: auth, servers and title come from it. */
  doc: OpenAPIDocument;
  /** The workspace's versions of the shared dependencies, copied from an existing package. */
  versions: Record<string, string>;
  /** The licence text every package ships (its manifest's `files` lists LICENSE). */
  license: string;
}

type Auth = { kind: "bearer" } | { kind: "header"; header: string };

/**
 * The files of a new provider: specs/<id>/ (snapshot, provider.yaml) and packages/<id>/ (a
 * createXClient on core, built from the document's security scheme and servers). Pure: returns
 * repo-relative path → content; the CLI writes them. The next `pnpm regen` generates the rest.
 */
export function scaffoldProvider(input: ScaffoldInput): Record<string, string> {
  const { id, doc } = input;
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    throw new PipelineError(`provider id must be lower-case letters, digits and dashes: ${id}`);
  }
  const name = pascalCase(id);
  const title = typeof doc.info?.title === "string" ? doc.info.title : `${name} API`;
  const auth = authOf(doc);
  const environments = environmentsOf(doc);
  const pkg = `@payclients/${id}`;
  return {
    ...Object.fromEntries(input.sources.map((s) => [`specs/${id}/${s.file}`, s.text])),
    [`specs/${id}/provider.yaml`]: providerYaml(input, title, pkg, environments),
    [`packages/${id}/package.json`]: packageJson(id, pkg, title, input.versions),
    [`packages/${id}/tsconfig.json`]: `${JSON.stringify(
      {
        extends: "../../tsconfig.base.json",
        compilerOptions: { types: ["node"] },
        include: ["src", "test"],
      },
      null,
      2,
    )}\n`,
    [`packages/${id}/tsup.config.ts`]: TSUP_CONFIG,
    [`packages/${id}/src/index.ts`]: indexTs(),
    [`packages/${id}/src/client.ts`]: clientTs(name, auth, environments.length > 0),
    [`packages/${id}/README.md`]: readme(id, name, title, pkg, auth, environments.length > 0),
    [`packages/${id}/LICENSE`]: input.license,
  };
}

function authOf(doc: OpenAPIDocument): Auth {
  const schemes = doc.components?.securitySchemes ?? {};
  const requirement = [...(doc.security ?? []), ...firstOperationSecurity(doc)][0];
  const names = isObject(requirement) ? Object.keys(requirement) : [];
  const scheme = names.length === 1 ? schemes[names[0] as string] : undefined;
  if (isObject(scheme) && scheme.type === "http" && scheme.scheme === "bearer")
    return { kind: "bearer" };
  if (isObject(scheme) && scheme.type === "apiKey" && scheme.in === "header") {
    return { kind: "header", header: String(scheme.name) };
  }
  throw new PipelineError(
    `new-provider scaffolds bearer or single API-key-header auth; this document declares ${
      names.length ? names.join(" + ") : "no security"
    }: write createClient's auth by hand`,
  );
}

function firstOperationSecurity(doc: OpenAPIDocument): unknown[] {
  for (const item of Object.values(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item))
      if (isObject(op) && Array.isArray(op.security)) return op.security;
  }
  return [];
}

const PLACEHOLDER_HOST = /(^|\.)example\.(com|org|net)$|^localhost$|\.invalid$|[<{]/;

function environmentsOf(doc: OpenAPIDocument): [string, string][] {
  const servers = (doc.servers ?? []).filter(
    (s: unknown) => isObject(s) && typeof s.url === "string" && /^https?:\/\//.test(s.url),
  );
  return servers
    .filter((s: OpenAPIDocument) => !PLACEHOLDER_HOST.test(new URL(s.url).hostname))
    .map((s: OpenAPIDocument, i: number): [string, string] => {
      const label =
        typeof s.description === "string"
          ? s.description.toLowerCase().match(/[a-z]+/)?.[0]
          : undefined;
      return [label ?? (i === 0 ? "production" : `server${i + 1}`), s.url];
    });
}

function providerYaml(
  input: ScaffoldInput,
  title: string,
  pkg: string,
  envs: [string, string][],
): string {
  const docs = input.docs;
  const list = (key: string, values: string[]) =>
    values.length > 0 ? [`${key}:`, ...values.map((v) => `  - ${JSON.stringify(v)}`)] : [];
  const lines = [
    `# ${title}: scaffolded by \`${input.command ?? `pnpm new-provider ${input.id}`}\`.`,
    `# \`pnpm regen ${input.id}\` builds the rest${docs ? `; \`pnpm regen --discover ${input.id}\` follows the site` : ""}.`,
    `id: ${input.id}`,
    `title: ${JSON.stringify(title)}`,
    `package: "${pkg}"`,
    ...(docs
      ? [`docs: ${docs.url}`, ...list("include", docs.include), ...list("exclude", docs.exclude)]
      : []),
    "sources:",
    ...input.sources.flatMap((s) => [
      `  - file: ${s.file}`,
      ...(s.page ? [`    page: ${s.page}`] : []),
      ...(s.url ? [`    url: ${s.url}`] : []),
      `    format: ${s.format}`,
    ]),
    envs.length > 0
      ? "environments:"
      : "# No public host is documented: clients must be given a baseUrl.\nenvironments: {}",
    ...envs.map(([env, url]) => `  ${env}: ${url}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** The manifest, with the packaging fields every published package carries (package-fields.ts). */
function packageJson(
  id: string,
  pkg: string,
  title: string,
  versions: Record<string, string>,
): string {
  const manifest = {
    name: pkg,
    version: "0.1.0",
    description: `Typed TypeScript client for the ${title}, built on openapi-fetch.`,
    scripts: { build: "tsup", test: "vitest run --passWithNoTests", typecheck: "tsc --noEmit" },
    dependencies: { "@payclients/core": "workspace:^", "openapi-fetch": versions["openapi-fetch"] },
    devDependencies: Object.fromEntries(
      ["@types/node", "tsup", "typescript", "vitest"].map((dep) => [dep, versions[dep]]),
    ),
  };
  return `${JSON.stringify(applyFields(id, manifest), null, 2)}\n`;
}

const TSUP_CONFIG = `// The shared build: ESM + CJS + declarations (see tsup.base.ts at the repository root).
export { default } from "../../tsup.base";
`;

/**
 * The same public surface as the hand-written providers: the client, the generated types (with
 * each webhook event's payload by name), and the error classes with `unwrap` — not all of core (`export *` would also ship the webhook
 * verifier and the HMAC signer in every bundle, and break the package's size budget).
 */
function indexTs(): string {
  return `import type { webhooks } from "./generated/openapi";

export * from "./client";
export { environments } from "./generated/metadata";
export type { components, operations, paths, webhooks } from "./generated/openapi";

/** The JSON payload the provider sends for one webhook event (\`never\` for an event without one). */
export type WebhookPayload<Event extends keyof webhooks> = webhooks[Event] extends {
  post: { requestBody?: { content: { "application/json": infer Payload } } };
}
  ? Payload
  : never;

export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PayclientsError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
  type Logger,
  type AttemptLog,
} from "@payclients/core";
`;
}

function clientTs(name: string, auth: Auth, hasEnvironments: boolean): string {
  const [helper, signer, sent] =
    auth.kind === "bearer"
      ? ["bearerSigner", "bearerSigner(apiKey)", "as a bearer token"]
      : [
          "apiKeySigner",
          `apiKeySigner(apiKey, ${JSON.stringify(auth.header)})`,
          `in \`${auth.header}\``,
        ];
  const options = hasEnvironments
    ? [
        "  /** A documented environment; default: the first one. `baseUrl` wins over it. */",
        "  environment?: keyof typeof environments;",
      ]
    : ["  /** The API host: the docs publish none, so it must be given. */", "  baseUrl: string;"];
  const setup = hasEnvironments
    ? [
        "  const { apiKey, environment, baseUrl, ...rest } = options;",
        "  const fallback = environment ? environments[environment] : Object.values(environments)[0];",
        "  return createApiClient<paths>({",
        "    ...rest,",
        "    baseUrl: baseUrl ?? fallback,",
      ]
    : [
        "  const { apiKey, ...rest } = options;",
        "  return createApiClient<paths>({",
        "    ...rest,",
      ];
  return [
    `import { type ClientOptions, createApiClient, ${helper} } from "@payclients/core";`,
    'import type { Client } from "openapi-fetch";',
    `import { ${hasEnvironments ? "environments, " : ""}middleware } from "./generated/metadata";`,
    'import type { paths } from "./generated/openapi";',
    "",
    `/** Options of {@link create${name}Client}. */`,
    `export interface ${name}ClientOptions extends ClientOptions {`,
    `  /** Your API key, sent ${sent}; never logged. */`,
    "  apiKey: string;",
    ...options,
    "}",
    "",
    `/** The typed openapi-fetch client for the ${name} API. */`,
    `export type ${name}Client = Client<paths>;`,
    "",
    `/** Creates a ${name} client with auth, retries, timeouts and typed errors from @payclients/core. */`,
    `export function create${name}Client(options: ${name}ClientOptions): ${name}Client {`,
    ...setup,
    `    signer: ${signer},`,
    "    middleware,",
    "  });",
    "}",
    "",
  ].join("\n");
}

function readme(
  id: string,
  name: string,
  title: string,
  pkg: string,
  auth: Auth,
  hasEnv: boolean,
): string {
  return `# ${pkg}

Typed TypeScript client for the ${title}, generated by payclients from the provider's published
documentation (\`specs/${id}/\`) and built on openapi-fetch and \`@payclients/core\`.

\`\`\`sh
npm install ${pkg}
\`\`\`

\`\`\`ts
import { create${name}Client } from "${pkg}";

const client = create${name}Client({ apiKey: "<your key>"${hasEnv ? "" : ', baseUrl: "https://your-host.invalid"'} });
\`\`\`

Auth: ${auth.kind === "bearer" ? "`Authorization: Bearer <apiKey>`" : `the \`${auth.kind === "header" ? auth.header : ""}\` header`}.
Retries, timeouts and errors work as described in \`@payclients/core\`.
`;
}

/** `acme-pay` → `AcmePay`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");
}
