import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { regen } from "../../src/commands/regen.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));

/** A scratch copy of the repo's specs/ (and nothing else) that regen can write into. */
let root: string;
let lines: { out: string[]; err: string[] };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "payclients-regen-"));
  await cp(join(REPO, "specs"), join(root, "specs"), { recursive: true });
  lines = { out: [], err: [] };
});
afterEach(() => rm(root, { recursive: true, force: true }));

const options = (extra: Partial<Parameters<typeof regen>[0]> = {}) => ({
  root,
  providers: ["clink"],
  check: false,
  fetch: false,
  force: true,
  out: (l: string) => lines.out.push(l),
  err: (l: string) => lines.err.push(l),
  ...extra,
});

const snapshot = async (paths: string[]) =>
  Promise.all(paths.map((p) => readFile(join(root, p), "utf8").catch(() => null)));

const OUTPUTS = [
  "specs/clink/openapi.yaml",
  "packages/clink/src/generated/openapi.ts",
  "packages/clink/src/generated/metadata.ts",
];

describe("pnpm regen", () => {
  it("reproduces the committed outputs byte for byte, twice", async () => {
    expect(await regen(options())).toBe(0);
    const first = await snapshot(OUTPUTS);
    for (const [i, path] of OUTPUTS.entries()) {
      expect(first[i], path).toBe(await readFile(join(REPO, path), "utf8"));
    }
    expect(await regen(options())).toBe(0);
    expect(await snapshot(OUTPUTS)).toEqual(first);
    expect(lines.out.at(-1)).toMatch(/1 provider\(s\): 0 changed, 1 unchanged, 0 failed/);
  });

  it("prints one progress line per provider with stage timings", async () => {
    await regen(options());
    expect(lines.out[0]).toMatch(/^clink\s+2 ops {2}parse \d+ms · merge \d+ms · normalize \d+ms/);
  });

  it("--check writes nothing and lists every file that would change", async () => {
    await rm(join(root, OUTPUTS[0] as string));
    expect(await regen(options({ check: true }))).toBe(1);
    expect(
      lines.err
        .slice(1)
        .map((l) => l.trim())
        .sort(),
    ).toEqual([...OUTPUTS].sort());
    expect(await snapshot(OUTPUTS)).toEqual([null, null, null]);
    await regen(options());
    lines.err = [];
    expect(await regen(options({ check: true }))).toBe(0);
  });

  it("--check fails when a snapshot changed and nobody regenerated", async () => {
    await regen(options());
    const page = join(root, "specs/clink/upstream/create-agent-payment-session.md");
    await writeFile(
      page,
      (await readFile(page, "utf8")).replace(
        "customerEmail:\n          type: string",
        "customerEmail:\n          type: string\n          format: email",
      ),
    );
    expect(await regen(options({ check: true }))).toBe(1);
    expect(lines.err).toContain("  specs/clink/openapi.yaml");
  });

  it("a truncated upstream file fails with its file and line and changes nothing", async () => {
    await regen(options());
    const before = await snapshot(OUTPUTS);
    const page = join(root, "specs/clink/upstream/get-agent-payment-session.md");
    const text = await readFile(page, "utf8");
    await writeFile(page, text.slice(0, text.indexOf("  securitySchemes:")));
    expect(await regen(options())).toBe(1);
    expect(lines.err[0]).toMatch(
      /^clink\s+failed: specs\/clink\/upstream\/get-agent-payment-session\.md:\d+: expected the closing ````/,
    );
    expect(lines.err.at(-1)).toMatch(/nothing was written$/);
    expect(await snapshot(OUTPUTS)).toEqual(before);
  });

  it("malformed YAML inside the fence is reported on the page's line", async () => {
    const page = join(root, "specs/clink/upstream/create-agent-payment-session.md");
    const text = await readFile(page, "utf8");
    await writeFile(
      page,
      text.replace("      operationId: createSession", "      operationId: [createSession"),
    );
    expect(await regen(options())).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes("operationId: createSession")) + 1;
    // The YAML parser notices an unclosed `[` on the line or on the one after it.
    expect(lines.err[0]).toMatch(
      new RegExp(`create-agent-payment-session\\.md:(${line}|${line + 1}): expected valid YAML`),
    );
  });

  it("skips a provider whose inputs and outputs match the last run", async () => {
    await regen(options());
    lines.out = [];
    expect(await regen(options({ force: false }))).toBe(0);
    expect(lines.out[0]).toMatch(/^clink\s+unchanged \(.*cached\)/);
    await writeFile(join(root, OUTPUTS[0] as string), "tampered\n");
    lines.out = [];
    expect(await regen(options({ force: false }))).toBe(0);
    expect(lines.out[0]).toMatch(/^clink\s+2 ops/);
  });

  it("rejects unknown providers", async () => {
    await expect(regen(options({ providers: ["nope"] }))).rejects.toThrow(
      "unknown provider(s): nope",
    );
  });
});
