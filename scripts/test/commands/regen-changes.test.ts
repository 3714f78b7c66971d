import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { regen } from "../../src/commands/regen.ts";

// How a provider's docs change, replayed on a scratch copy of the repo's specs/ and packages/.
const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const PAGE = "specs/yorlet/upstream/retrieve-a-payment-session.txt";
const OUTPUTS = [
  "specs/yorlet/openapi.yaml",
  "packages/yorlet/src/generated/openapi.ts",
  "packages/yorlet/src/generated/metadata.ts",
];

let root: string;
let log: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "payclients-changes-"));
  await cp(join(REPO, "specs"), join(root, "specs"), { recursive: true });
  for (const p of ["clink", "telness", "yorlet"]) {
    await cp(join(REPO, `packages/${p}/src/generated`), join(root, `packages/${p}/src/generated`), {
      recursive: true,
    });
  }
  log = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

const run = (extra: Partial<Parameters<typeof regen>[0]> = {}) =>
  regen({
    root,
    providers: ["yorlet"],
    check: false,
    fetch: false,
    force: true,
    out: (l) => log.push(l),
    err: (l) => log.push(l),
    ...extra,
  });

const read = (path: string) => readFile(join(root, path), "utf8");
const edit = async (path: string, from: string, to: string) => {
  const text = await read(path);
  if (!text.includes(from)) throw new Error(`fixture drift: ${from}`);
  await writeFile(join(root, path), text.replace(from, to));
};
const changesets = async () =>
  (await readdir(join(root, ".changeset")).catch(() => [] as string[])).filter((f) =>
    f.endsWith(".md"),
  );

async function expectOneChangeset(bump: string, line: string): Promise<void> {
  expect(await run({ check: true })).toBe(1);
  expect(log).toContain("  specs/yorlet/openapi.yaml");
  const before = await Promise.all(OUTPUTS.map(read));
  expect(await run()).toBe(0);
  const after = await Promise.all(OUTPUTS.map(read));
  expect(after[0]).not.toBe(before[0]);
  const files = await changesets();
  expect(files).toHaveLength(1);
  const text = await read(`.changeset/${files[0]}`);
  expect(text).toMatch(new RegExp(`^---\\n"@payclients/yorlet": ${bump}\\n---\\n`));
  expect(text).toContain(line);
  // The same change regenerated again writes nothing new.
  expect(await run()).toBe(0);
  expect(await changesets()).toEqual(files);
}

describe("regen classifies upstream changes into one changeset", () => {
  it("a removed response field is breaking (major)", async () => {
    await edit(
      PAGE,
      "url\nstring | null\nrequired\n\nThe hosted URL of the payment session.\n\n",
      "",
    );
    await edit(PAGE, '  "url": "<string>",\n', "");
    await expectOneChangeset(
      "major",
      "Removed response field `url` from `GET /v1/payment_sessions/{id}` (breaking)",
    );
    expect(await read(OUTPUTS[1] as string)).not.toMatch(/^\s+url: string \| null;/m);
  });

  it("an added optional response field is additive (minor)", async () => {
    await edit(
      PAGE,
      "deleted\nboolean\n",
      "livemode\nboolean\n\nWhether the object exists in live mode.\n\ndeleted\nboolean\n",
    );
    await expectOneChangeset("minor", "`livemode`");
    expect(await read(OUTPUTS[1] as string)).toContain("livemode?: boolean;");
  });

  it("a reworded description is documentation only (patch)", async () => {
    await edit(
      PAGE,
      "The hosted URL of the payment session.",
      "The URL of the hosted payment page.",
    );
    await expectOneChangeset("patch", "(documentation)");
  });
});

describe("regen on bad input", () => {
  it("a corrupted snapshot fails naming file and line, and changes nothing", async () => {
    await edit(
      PAGE,
      '    "support_website": "<string>"\n  },',
      '    "support_website": "<string>"\n',
    );
    const before = await Promise.all(OUTPUTS.map(read));
    expect(await run({ providers: [] })).toBe(1);
    expect(log.join("\n")).toMatch(
      /specs\/yorlet\/upstream\/retrieve-a-payment-session\.txt:\d+: expected/,
    );
    expect(await Promise.all(OUTPUTS.map(read))).toEqual(before);
    expect(await changesets()).toEqual([]);
  });
});

describe("regen --fetch", () => {
  let server: Server;
  let base: string;
  const pages = new Map<string, (res: import("node:http").ServerResponse) => void>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = pages.get(req.url ?? "");
      if (page) page(res);
      else res.writeHead(404).end("not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // The seed's page on a site of our own: only the rendered-page copy is served (no export, no
  // HTML), at the page URL itself.
  const pointAt = () =>
    edit("specs/yorlet/provider.yaml", "docs: https://docs.yorlet.com", `docs: ${base}`).then(() =>
      pages.clear(),
    );
  const serve = (type: string, body: string) =>
    pages.set("/api/payment-sessions/retrieve-a-payment-session", (res) =>
      res.writeHead(200, { "content-type": type }).end(body),
    );

  it("a good, unchanged page changes nothing", async () => {
    await pointAt();
    serve("text/plain; charset=utf-8", await read(PAGE));
    expect(await run({ fetch: true })).toBe(0);
    expect(log).toContain("yorlet     pages: 1 checked, 0 changed, 0 added, 0 vanished");
    expect(log.join("\n")).toContain("0 changed, 1 unchanged");
    expect(await changesets()).toEqual([]);
  });

  it("a changed page replaces the snapshot and regenerates", async () => {
    await pointAt();
    const page = (await read(PAGE)).replace("The id identifier.", "The payment session's id.");
    serve("text/plain", page);
    expect(await run({ fetch: true })).toBe(0);
    expect(await read(PAGE)).toBe(page);
    expect(await read(OUTPUTS[0] as string)).toContain("The payment session's id.");
    expect(await changesets()).toHaveLength(1);
  });

  it("an HTML error page or a broken page never replaces a good snapshot", async () => {
    const good = await read(PAGE);
    await pointAt();
    serve("text/html", "<!doctype html><title>Sign in</title>");
    expect(await run({ fetch: true })).toBe(1);
    log.length = 0;
    serve("text/plain", good.slice(0, good.indexOf('"merchant": {') + 20));
    expect(await run({ fetch: true })).toBe(1);
    expect(log.join("\n")).toContain(`${base}/api/payment-sessions/retrieve-a-payment-session`);
    expect(await read(PAGE)).toBe(good);
  });
});
