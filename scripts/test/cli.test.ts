import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The command line as a user runs it: a process, its streams and its exit code.
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const CLINK = "specs/clink/upstream/get-agent-payment-session.md";

describe("the spec convert command line", () => {
  const cli = join(REPO, "scripts/src/cli.ts");
  const tsx = join(REPO, "node_modules/.bin/tsx");
  const spawn = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(tsx, [cli, ...args], (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input ?? "");
    });

  it("pipes standard input through `spec convert -`", async () => {
    const text = readFileSync(join(REPO, CLINK), "utf8");
    const { code, stdout, stderr } = await spawn(["spec", "convert", "-"], text);
    expect(code).toBe(0);
    expect(stdout).toContain("operationId: getSession_1");
    expect(stderr).toBe("detected form: mintlify-markdown\n");
  });

  it("exits 1 with file and line on stderr for a broken file, no stack trace", async () => {
    const bad = "# T\n\n## OpenAPI\n\n````yaml GET /x\nopenapi: 3.1.0\n";
    const failure = await spawn(["spec", "convert", "-"], bad);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/error: <stdin>:6: expected the closing ````/);
    expect(failure.stderr).not.toContain("    at ");
  });
});

describe("the regen command line", () => {
  it("refuses --prune without --discover, before touching anything", async () => {
    const cli = join(REPO, "scripts/src/cli.ts");
    const tsx = join(REPO, "node_modules/.bin/tsx");
    const failure = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(tsx, [cli, "regen", "--prune"], (error, _stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      ),
    );
    expect(failure).toEqual({
      code: 1,
      stderr: "error: --prune removes pages found vanished: it needs --discover\n",
    });
  });
});
