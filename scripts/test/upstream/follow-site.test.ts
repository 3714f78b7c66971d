import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { planProvider } from "../../src/commands/new-provider-cli.ts";
import { regen } from "../../src/commands/regen.ts";
import { type DocsSite, type Operation, startDocsSite } from "./docs-site.ts";

// A provider followed through its docs site's life, from `new-provider --from <llms.txt>` to pages
// that appear, change, vanish and break. The steps build on each other, in order.
const REPO = fileURLToPath(new URL("../../..", import.meta.url));

const getWidget: Operation = {
  title: "Get a widget",
  method: "get",
  path: "/widgets/{widget_id}",
  params: ["widget_id"],
  fields: { id: "string", size: "integer" },
};
const createWidget: Operation = {
  title: "Create a widget",
  method: "post",
  path: "/widgets",
  params: [],
  fields: { id: "string" },
};
const getGadget: Operation = {
  title: "Get a gadget",
  method: "get",
  path: "/gadgets/{gadget_id}",
  params: ["gadget_id"],
  fields: { id: "string", colour: "string" },
};
const deleteWidget: Operation = {
  title: "Delete a widget",
  method: "delete",
  path: "/widgets/{widget_id}",
  params: ["widget_id"],
  fields: { deleted: "string" },
};

let site: DocsSite;
let root: string;
let out: string[];
let err: string[];
const waits: number[] = [];
const http = { sleep: async (ms: number) => void waits.push(ms), timeoutMs: 5_000 };

beforeAll(async () => {
  site = await startDocsSite();
  root = await mkdtemp(join(tmpdir(), "payclients-follow-"));
  site.pages.set("/introduction", { kind: "guide", title: "Introduction" });
  site.pages.set("/api/widgets/get-a-widget", { kind: "reference", op: getWidget, exportMd: true });
  site.pages.set("/api/widgets/create-a-widget", {
    kind: "reference",
    op: createWidget,
    exportMd: true,
  });
  // Served only as HTML: its `.md` is a 404.
  site.pages.set("/api/gadgets/get-a-gadget", {
    kind: "reference",
    op: getGadget,
    exportMd: false,
  });
  const guides = Array.from({ length: 8 }, (_, i) => `/guides/topic-${i + 1}`);
  for (const guide of guides) site.pages.set(guide, { kind: "guide", title: guide });
  site.index = [
    "/introduction",
    ...guides,
    "/api/widgets/get-a-widget",
    "/api/widgets/create-a-widget",
    "/api/gadgets/get-a-gadget",
    "/api/widgets/broken-link",
    `${site.other}/api/elsewhere`,
  ];
});
afterAll(async () => {
  await site.close();
  await rm(root, { recursive: true, force: true });
});

const run = async (extra: Partial<Parameters<typeof regen>[0]> = {}) => {
  out = [];
  err = [];
  return regen({
    root,
    providers: ["acme"],
    check: false,
    fetch: false,
    force: true,
    http,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    ...extra,
  });
};
const read = (path: string) => readFile(join(root, path), "utf8");

/**
 * Every file under the scratch root, path → bytes: "nothing was written" means equal trees, byte
 * for byte (read as bytes, so that no decoding can hide a difference).
 */
async function tree(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes("node_modules")) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(root.length + 1), await readFile(path));
  }
  return files;
}

/** The changesets written since `before`. */
async function newChangesets(before: Map<string, Buffer>): Promise<string[]> {
  const after = await tree();
  return [...after.keys()]
    .filter((p) => p.startsWith(".changeset/") && !before.has(p))
    .map((p) => String(after.get(p)));
}

/** The operations of the generated spec, as `METHOD /path`, sorted. */
async function operationsOfSpec(): Promise<string[]> {
  const spec = parse(await read("specs/acme/openapi.yaml")) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe("following a docs site", () => {
  it("scaffolds a provider from its llms.txt alone: every reference page, HTML-only included", async () => {
    const { files, notes } = await planProvider({
      id: "acme",
      from: `${site.base}/llms.txt`,
      cwd: root,
      root: REPO,
      http,
    });
    const config = files["specs/acme/provider.yaml"] as string;
    expect(config).toMatch(/^# Widgets API: scaffolded by `pnpm new-provider acme --from /);
    expect(config).toContain(`docs: ${site.base}`);
    expect(config).toContain("page: /api/widgets/get-a-widget\n    format: mintlify-markdown");
    expect(config).toContain("page: /api/gadgets/get-a-gadget\n    format: mintlify-html");
    expect(
      Object.keys(files)
        .filter((f) => f.includes("/upstream/"))
        .sort(),
    ).toEqual([
      "specs/acme/upstream/.etags.json",
      "specs/acme/upstream/api-gadgets-get-a-gadget.html",
      "specs/acme/upstream/api-widgets-create-a-widget.md",
      "specs/acme/upstream/api-widgets-get-a-widget.md",
    ]);
    expect(notes).toContain(`skipped ${site.other}/api/elsewhere: another host`);
    expect(notes).toContain(
      `broken link in the index: ${site.base}/api/widgets/broken-link (HTTP 404)`,
    );
    expect(notes).toContain("9 page(s) without an operation (guides) skipped");
    expect(site.otherHits).toBe(0);
    expect(site.peak).toBeGreaterThan(1);
    expect(site.peak).toBeLessThanOrEqual(4);
    expect(new Set(site.log.map((l) => l.agent))).toEqual(
      new Set([expect.stringMatching(/^payclients\/\d+\.\d+\.\d+ /)]),
    );

    // Everything new-provider writes (specs/acme/ and packages/acme/), then `regen acme`.
    expect(Object.keys(files)).toContain("packages/acme/package.json");
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    site.log = [];
    const fetched: string[] = [];
    const spy = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async (input) => void fetched.push(String(input)) as never);
    try {
      expect(await run()).toBe(0);
    } finally {
      spy.mockRestore();
    }
    // Without --fetch, regen builds from the snapshots alone: not one request.
    expect(fetched).toEqual([]);
    expect(site.log).toEqual([]);
    const spec = await read("specs/acme/openapi.yaml");
    expect(spec).toContain("  /widgets/{widget_id}:\n    get:");
    expect(spec).toContain("  /widgets:\n    post:");
    expect(spec).toContain("  /gadgets/{gadget_id}:\n    get:");
    // Every reference operation of the site, and nothing else: the gadget comes only from the
    // served HTML (its snapshot is the page, read by the mintlify-html parser); guides add none.
    expect(await operationsOfSpec()).toEqual([
      "GET /gadgets/{gadget_id}",
      "GET /widgets/{widget_id}",
      "POST /widgets",
    ]);
    expect(await read("specs/acme/upstream/api-gadgets-get-a-gadget.html")).toMatch(
      /^<!DOCTYPE html>/,
    );
    // The client's generated types hold each path, with its operation under its method.
    const types = await read("packages/acme/src/generated/openapi.ts");
    for (const operation of await operationsOfSpec()) {
      const [method, path] = operation.split(" ") as [string, string];
      const start = types.indexOf(`\n    "${path}": {\n`);
      expect(start, path).toBeGreaterThan(0);
      const item = types.slice(start, types.indexOf("\n    };", start));
      expect(item).toMatch(
        new RegExp(`\\n        ${method.toLowerCase()}: operations\\["\\w+"\\];`),
      );
    }
  });

  it("revalidates an unchanged site with 304s and changes nothing", async () => {
    const before = await tree();
    site.log = [];
    site.peak = 0;
    // 3 reference pages, 9 guides (fetched, found to hold no operation) and 1 broken link.
    expect(await run({ discover: true })).toBe(0);
    expect(out[0]).toBe("acme       pages: 13 checked, 0 changed, 0 added, 0 vanished");
    const known = site.log.filter((l) =>
      /get-a-widget\.md|create-a-widget\.md|get-a-gadget$/.test(l.path),
    );
    // Each known page asked conditionally (the ETag kept in .etags.json), and answered 304.
    expect(known.map((l) => l.status)).toEqual([304, 304, 304]);
    expect(known.every((l) => /^"[0-9a-f]{16}"$/.test(l.ifNoneMatch ?? ""))).toBe(true);
    expect(site.log.filter((l) => l.status === 200 && l.ifNoneMatch)).toEqual([]);
    expect(await tree()).toEqual(before);
    expect(site.peak).toBeGreaterThan(1);
    expect(site.peak).toBeLessThanOrEqual(4);
    expect(site.otherHits).toBe(0);
  });

  it("changes nothing after a redeploy that changed no content (new build id, new ETags)", async () => {
    const before = await tree();
    site.deploy = "2";
    site.log = [];
    expect(await run({ fetch: true })).toBe(0);
    // Each known page came back whole (200: its old ETag no longer matches) and read the same.
    const known = site.log.filter((l) =>
      /get-a-widget\.md|create-a-widget\.md|get-a-gadget$/.test(l.path),
    );
    expect(known.map((l) => l.status)).toEqual([200, 200, 200]);
    expect(out[0]).toMatch(/^acme +pages: 3 checked, 0 changed/);
    // No snapshot, no .etags.json, no changeset: the weekly job opens no pull request.
    expect(await tree()).toEqual(before);
    site.deploy = "1";
  });

  it("waits out a 429 for its Retry-After (capped, on an injected clock)", async () => {
    const before = await tree();
    waits.length = 0;
    site.rateLimited.add("/api/widgets/get-a-widget.md");
    expect(await run({ fetch: true })).toBe(0);
    expect(waits).toEqual([1000]);
    expect(await tree()).toEqual(before);
  });

  it("adds a page that appears, with a minor changeset", async () => {
    const before = await tree();
    site.pages.set("/api/widgets/delete-a-widget", {
      kind: "reference",
      op: deleteWidget,
      exportMd: true,
    });
    site.index.push("/api/widgets/delete-a-widget");
    expect(await run({ discover: true })).toBe(0);
    expect(out[0]).toBe("acme       pages: 14 checked, 0 changed, 1 added, 0 vanished");
    expect(await read("specs/acme/provider.yaml")).toContain(
      "  - file: upstream/api-widgets-delete-a-widget.md\n    page: /api/widgets/delete-a-widget\n    format: mintlify-markdown",
    );
    expect(await read("specs/acme/openapi.yaml")).toContain("    delete:");
    const [changeset] = await newChangesets(before);
    expect(changeset).toContain('"@payclients/acme": minor');
    expect(changeset).toMatch(/DELETE \/widgets\/\{widget_id\}/);
  });

  it("follows a field that changes type, with a major changeset", async () => {
    const before = await tree();
    site.pages.set("/api/widgets/get-a-widget", {
      kind: "reference",
      op: { ...getWidget, fields: { id: "string", size: "string" } },
      exportMd: true,
    });
    expect(await run({ discover: true })).toBe(0);
    expect(out[0]).toBe("acme       pages: 14 checked, 1 changed, 0 added, 0 vanished");
    const [changeset] = await newChangesets(before);
    expect(changeset).toContain('"@payclients/acme": major');
    expect(changeset).toContain("size");
  });

  it("fails on a login page where an HTML-only page was, naming the URL, writing nothing", async () => {
    const before = await tree();
    const page = site.pages.get("/api/gadgets/get-a-gadget");
    site.pages.set("/api/gadgets/get-a-gadget", { kind: "login" });
    expect(await run({ discover: true })).toBe(1);
    expect(err.join("\n")).toContain(
      `${site.base}/api/gadgets/get-a-gadget: no longer parses as an API reference page`,
    );
    expect(err.at(-1)).toMatch(/nothing was written$/);
    expect(await tree()).toEqual(before);
    site.pages.set("/api/gadgets/get-a-gadget", page as never);
  });

  it("reports a vanished page and keeps it; --prune removes it as a breaking change", async () => {
    site.pages.delete("/api/gadgets/get-a-gadget");
    site.index = site.index.filter((p) => p !== "/api/gadgets/get-a-gadget");
    const before = await tree();
    expect(await run({ discover: true })).toBe(0);
    expect(out[0]).toBe("acme       pages: 13 checked, 0 changed, 0 added, 1 vanished");
    expect(out).toContain(
      `           vanished: ${site.base}/api/gadgets/get-a-gadget (kept; --prune removes it)`,
    );
    expect(await tree()).toEqual(before);

    expect(await run({ discover: true, prune: true })).toBe(0);
    const after = await tree();
    expect(after.has("specs/acme/upstream/api-gadgets-get-a-gadget.html")).toBe(false);
    expect(await read("specs/acme/provider.yaml")).not.toContain("/api/gadgets/");
    expect(await read("specs/acme/openapi.yaml")).not.toContain("/gadgets/");
    const [changeset] = await newChangesets(before);
    expect(changeset).toContain('"@payclients/acme": major');
    expect(changeset).toMatch(/GET \/gadgets\/\{gadget_id\}/);
  });

  it("fails on a login page where the export was, naming the URL, writing nothing", async () => {
    const before = await tree();
    const page = site.pages.get("/api/widgets/create-a-widget");
    site.pages.set("/api/widgets/create-a-widget", { kind: "login" });
    expect(await run({ discover: true })).toBe(1);
    expect(err.join("\n")).toContain(
      `${site.base}/api/widgets/create-a-widget.md: refusing an HTML page where the markdown export was`,
    );
    expect(err.at(-1)).toMatch(/nothing was written$/);
    expect(await tree()).toEqual(before);
    site.pages.set("/api/widgets/create-a-widget", page as never);
  });

  it("fails on a 404 for a page the index still lists, writing nothing", async () => {
    const before = await tree();
    const page = site.pages.get("/api/widgets/create-a-widget");
    site.pages.delete("/api/widgets/create-a-widget");
    expect(await run({ discover: true })).toBe(1);
    expect(err.join("\n")).toContain(
      `${site.base}/api/widgets/create-a-widget: HTTP 404, but the site's index still lists the page`,
    );
    expect(await tree()).toEqual(before);
    site.pages.set("/api/widgets/create-a-widget", page as never);
    expect(site.otherHits).toBe(0);
  });

  it("scaffolds from one page's URL: that page, with the site named for later discovery", async () => {
    const { files } = await planProvider({
      id: "solo",
      from: `${site.base}/api/widgets/get-a-widget`,
      cwd: root,
      root: REPO,
      http,
    });
    expect(
      Object.keys(files)
        .filter((f) => f.startsWith("specs/"))
        .sort(),
    ).toEqual([
      "specs/solo/provider.yaml",
      "specs/solo/upstream/.etags.json",
      "specs/solo/upstream/api-widgets-get-a-widget.md",
    ]);
    expect(files["specs/solo/provider.yaml"]).toContain(
      `docs: ${site.base}\nsources:\n  - file: upstream/api-widgets-get-a-widget.md\n    page: /api/widgets/get-a-widget\n    format: mintlify-markdown`,
    );
  });
});
