/** Every published package carries the packaging fields (see e2e/scripts/package-manifest.ts). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drift } from "../scripts/package-manifest.ts";
import { publicPackages } from "./support/workspace.ts";

describe.each(publicPackages())("$name manifest", (pkg) => {
  it("has the packaging fields (run `tsx e2e/scripts/package-manifest.ts` to apply)", () => {
    expect(drift(pkg.dir, pkg.manifest)).toEqual([]);
  });

  it("ships a LICENSE, a README and a tsup config", () => {
    for (const file of ["LICENSE", "README.md", "tsup.config.ts"]) {
      expect(existsSync(join(pkg.path, file)), `packages/${pkg.dir}/${file}`).toBe(true);
    }
  });
});
