import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { convert } from "../../src/commands/convert.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const CLINK = "specs/clink/upstream/get-agent-payment-session.md";
const TELNESS = "specs/telness/upstream/get-payment-session.txt";

/** Runs convert in-process with the given standard input, collecting both streams. */
async function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await convert(args, {
    cwd: REPO,
    readStdin: async () => stdin,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("pnpm spec convert", () => {
  it("converts a file and says which form it detected on stderr", async () => {
    const { code, stdout, stderr } = await run([CLINK]);
    expect(code).toBe(0);
    expect(stdout).toContain("operationId: getSession_1");
    expect(stderr).toBe("detected form: mintlify-markdown\n");
  });

  it("reads standard input for -, with the same output as the file", async () => {
    const text = readFileSync(join(REPO, TELNESS), "utf8");
    const piped = await run(["-"], text);
    expect(piped.stderr).toBe("detected form: mintlify-page\n");
    expect(piped.stdout).toBe((await run([TELNESS])).stdout);
  });

  it("names <stdin> in errors about piped input", async () => {
    await expect(run(["-"], "hello\n")).rejects.toThrow(/^<stdin>:1: expected a known format/);
  });

  it("says when the form was forced rather than detected", async () => {
    const { stderr } = await run([CLINK, "--format", "mintlify-markdown"]);
    expect(stderr).toBe("form (from --format): mintlify-markdown\n");
  });
});
