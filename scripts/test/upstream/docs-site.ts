/**
 * A Mintlify-like docs site of our own on 127.0.0.1 (every page written here, none copied): an
 * llms.txt with guides and reference pages, markdown exports for some pages, HTML only for
 * others, ETags and 304s, Retry-After, a login page, 404s, and a link to another loopback origin
 * (127.0.0.2) whose server counts the requests that must never reach it.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One operation of the fictional Widgets API, rendered into every form a site serves. */
export interface Operation {
  title: string;
  method: "get" | "post" | "delete";
  path: string;
  /** Path parameters, all strings. */
  params: string[];
  /** Response fields of the 200 body: name → type ("string" | "integer"). */
  fields: Record<string, "string" | "integer">;
}

/** A page of the site: a reference page (with or without an export) or a guide. */
export type Page =
  /**
   * `exportMd`: whether `<page>.md` serves the export; `"hand-written"`: it serves a hand-written
   * page's export, its fields without the `api:` line Mintlify drops with the frontmatter.
   */
  | { kind: "reference"; op: Operation; exportMd: boolean | "hand-written" }
  | { kind: "guide"; title: string }
  /** Whatever the site now serves in the page's place with 200: a login page. */
  | { kind: "login" };

export interface DocsSite {
  base: string;
  /** The origin the index links to that must never be fetched. */
  other: string;
  pages: Map<string, Page>;
  /** Paths listed in llms.txt, in order (a listed path need not exist: a broken link). */
  index: string[];
  /** Other files served as they are (an OpenAPI document, a sitemap.xml), path → body, type. */
  files: Map<string, { body: string; type: string }>;
  /** Paths answered with a redirect to this location. */
  redirects: Map<string, string>;
  /** Whether /llms.txt serves (else 404: the crawler falls back to sitemap.xml). */
  llms: boolean;
  /** Paths always answered with this status and headers (a 503 for maintenance…). */
  answers: Map<string, { status: number; headers: Record<string, string> }>;
  /** Paths answered 429 with Retry-After once before they are served. */
  rateLimited: Set<string>;
  /** Every request: path, status, user agent, and the If-None-Match it carried (if any). */
  log: { path: string; status: number; agent: string; ifNoneMatch?: string | undefined }[];
  /** Requests that reached the other origin (must stay 0). */
  otherHits: number;
  /**
   * The site's build: a redeploy changes it, and with it the served HTML (a build id Mintlify
   * writes into every page) and every ETag, whether the content changed or not.
   */
  deploy: string;
  /** Most requests in flight at once. */
  peak: number;
  close(): Promise<void>;
}

const API = "https://api.widgets.test/v1";

/** The one-operation OpenAPI document a markdown export embeds. */
export function openapiOf(op: Operation): string {
  const params = op.params
    .map(
      (p) =>
        `        - name: ${p}\n          in: path\n          required: true\n          schema:\n            type: string\n`,
    )
    .join("");
  const fields = Object.entries(op.fields)
    .map(([name, type]) => `                  ${name}:\n                    type: ${type}\n`)
    .join("");
  return `openapi: 3.1.0
info:
  title: Widgets API
  version: 1.0.0
servers:
  - url: ${API}
security:
  - bearerAuth: []
paths:
  ${op.path}:
    ${op.method}:
      summary: ${op.title}
${params ? `      parameters:\n${params}` : ""}      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
${fields}components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
`;
}

/** The page's markdown export, as a Mintlify site serves `<page>.md`. */
export function exportOf(op: Operation): string {
  const fence = `\`\`\`\`yaml ${op.method.toUpperCase()} ${op.path}`;
  return `# ${op.title}\n\n## OpenAPI\n\n${fence}\n${openapiOf(op)}\`\`\`\`\n`;
}

/** A hand-written page's export: its fields as components, no operation anywhere. */
export function handWrittenExportOf(op: Operation): string {
  const params = op.params.map(
    (p) => `<ParamField path="${p}" type="string" required>\n  The ${p}.\n</ParamField>\n`,
  );
  const fields = Object.entries(op.fields).map(
    ([name, type]) =>
      `<ResponseField name="${name}" type="${type}">\n  The ${name}.\n</ResponseField>\n`,
  );
  return `# ${op.title}\n\n> ${op.title}, by hand.\n\n${[...params, ...fields].join("\n")}`;
}

const pill = (text: string) =>
  `<div data-component-part="field-info-pill"><span>${text}</span></div>`;
const required = '<div data-component-part="field-required-pill">required</div>';
const field = (name: string, pills: string) =>
  `<div class="primitive-param-field"><div class="param-head"><div data-component-part="field-name">${name}</div><div data-component-part="field-meta">${pills}</div></div></div>`;
const section = (title: string, body: string) =>
  `<div class="api-section"><div class="api-section-heading"><h4 class="api-section-heading-title">${title}</h4></div>${body}</div>`;

/** The page as the site serves it when there is no export: Mintlify's field markup. */
export function htmlOf(op: Operation): string {
  const segments = op.path
    .split("/")
    .filter(Boolean)
    .map((s) => `<div>/</div><div>${s}</div>`)
    .join("");
  const curl = `curl --request ${op.method.toUpperCase()} \\\n  --url ${API}${op.path} \\\n  --header 'Authorization: Bearer &lt;token&gt;'`;
  return `<!DOCTYPE html><html><head><title>${op.title}</title></head><body>
<header id="header"><h1 id="page-title">${op.title}</h1></header>
<div><div class="method-pill">${op.method.toUpperCase()}</div><div class="scroll-area">${segments}</div></div>
<div data-component-part="code-group"><div data-component-part="code-block-root"><pre><code>${curl}</code></pre></div></div>
${section("Authorizations", field("Authorization", pill("string") + pill("header") + required))}
${op.params.length ? section("Path Parameters", op.params.map((p) => field(p, pill("string") + required)).join("")) : ""}
${section(
  "Response",
  `<select aria-label="Select status code"><option value="200" selected>200</option></select>${Object.entries(
    op.fields,
  )
    .map(([name, type]) => field(name, pill(type)))
    .join("")}`,
)}
</body></html>`;
}

const LOGIN =
  "<!DOCTYPE html><html><body><form action=/login><input name=password></form></body></html>";

/** Starts the site (127.0.0.1) and the other origin (127.0.0.2), both on ephemeral ports. */
export async function startDocsSite(): Promise<DocsSite> {
  const other = createServer((_req, res) => {
    site.otherHits++;
    res.end("never");
  });
  await new Promise<void>((done) => other.listen(0, "127.0.0.2", done));
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    site.peak = Math.max(site.peak, inFlight);
    // A little latency so that concurrent requests overlap and the peak means something.
    setTimeout(() => {
      const status = answer(site, req, res);
      site.log.push({
        path: req.url ?? "",
        status,
        agent: String(req.headers["user-agent"]),
        ifNoneMatch: req.headers["if-none-match"],
      });
      inFlight--;
    }, 5);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const site: DocsSite = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    other: `http://127.0.0.2:${(other.address() as AddressInfo).port}`,
    pages: new Map(),
    index: [],
    files: new Map(),
    redirects: new Map(),
    answers: new Map(),
    llms: true,
    rateLimited: new Set(),
    log: [],
    otherHits: 0,
    deploy: "1",
    peak: 0,
    close: async () => {
      for (const s of [server, other]) {
        s.closeAllConnections();
        await new Promise((done) => s.close(done));
      }
    },
  };
  return site;
}

function answer(site: DocsSite, req: IncomingMessage, res: ServerResponse): number {
  const path = (req.url ?? "/").split("?")[0] as string;
  if (site.rateLimited.delete(path))
    return send(res, 429, "slow down", "text/plain", { "retry-after": "1" });
  const fixed = site.answers.get(path);
  if (fixed) return send(res, fixed.status, "unavailable", "text/plain", fixed.headers);
  const redirect = site.redirects.get(path);
  if (redirect) {
    res.writeHead(302, { location: redirect }).end();
    return 302;
  }
  const file = site.files.get(path);
  if (file) return send(res, 200, file.body, file.type);
  if (path === "/llms.txt" && site.llms) {
    const lines = site.index.map((p) => {
      const url = p.startsWith("http") ? p : `${site.base}${p}`;
      return `- [${p}](${url}${site.pages.get(p)?.kind === "reference" ? ".md" : ""}): a page`;
    });
    return send(res, 200, `# Widgets\n\n## Docs\n\n${lines.join("\n")}\n`, "text/markdown");
  }
  // Like Mintlify, the page asked for as markdown first is served as its export.
  const wantsMarkdown = /^text\/markdown/.test(String(req.headers.accept ?? ""));
  const asked = site.pages.get(path);
  const isExport =
    path.endsWith(".md") ||
    (wantsMarkdown && asked?.kind === "reference" && asked.exportMd !== false);
  const page = site.pages.get(path.endsWith(".md") ? path.slice(0, -3) : path);
  if (!page)
    return send(res, 404, "<!DOCTYPE html><html><body>Not found</body></html>", "text/html");
  if (page.kind === "login") return send(res, 200, LOGIN, "text/html");
  if (page.kind === "guide") {
    const body = isExport
      ? `# ${page.title}\n\nRead this first.\n`
      : `<!DOCTYPE html><html><body><h1>${page.title}</h1></body></html>`;
    return send(res, 200, body, isExport ? "text/markdown" : "text/html");
  }
  if (isExport && !page.exportMd)
    return send(res, 404, "<!DOCTYPE html><html><body>Not found</body></html>", "text/html");
  const [body, type] = isExport
    ? [
        page.exportMd === "hand-written" ? handWrittenExportOf(page.op) : exportOf(page.op),
        "text/markdown",
      ]
    : [
        htmlOf(page.op).replace("<head>", `<head><meta name="build-id" content="${site.deploy}">`),
        "text/html",
      ];
  const etag = `"${createHash("sha256").update(body).update(site.deploy).digest("hex").slice(0, 16)}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag }).end();
    return 304;
  }
  return send(res, 200, body, type, { etag });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, ...headers }).end(body);
  return status;
}
