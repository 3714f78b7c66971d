/** The e2e machinery itself: README block extraction and the fake provider's answers. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRoutes, sample, startFakeProvider } from "./support/fake-provider.ts";
import { callsApi, envNames, extractBlocks } from "./support/readme-blocks.ts";
import { repoRoot } from "./support/workspace.ts";

describe("extractBlocks", () => {
  const markdown = [
    "# Title", // 1
    "", // 2
    "```ts", // 3
    "const a = 1;", // 4
    "```", // 5
    "", // 6
    "<!-- not-run: needs a real key -->", // 7
    "", // 8
    "```typescript", // 9
    "const b = 2;", // 10
    "```", // 11
    "```sh", // 12
    "pnpm test", // 13
    "```", // 14
    "~~~ts", // 15
    "```ts inside a tilde fence is code", // 16
    "~~~", // 17
  ].join("\n");
  const blocks = extractBlocks(join(repoRoot, "packages/demo/README.md"), markdown);

  it("finds ts and typescript fences with the line of their first line of code", () => {
    expect(blocks.map((b) => [b.line, b.code, b.run, b.id])).toEqual([
      [4, "const a = 1;", true, "demo-L4"],
      [10, "const b = 2;", false, "demo-L10"],
      [16, "```ts inside a tilde fence is code", true, "demo-L16"],
    ]);
  });

  it("reads process.env names and API calls", () => {
    expect(envNames('process.env.CLINK_API_KEY! + process.env["X_BASE_URL"]')).toEqual([
      "CLINK_API_KEY",
      "X_BASE_URL",
    ]);
    expect(callsApi('await clink.GET("/x")')).toBe(true);
    expect(callsApi("verifyClinkWebhook({})")).toBe(false);
  });
});

describe("fake provider", () => {
  it("samples schema-valid values: examples, enums, formats, minimums, refs", () => {
    const spec = {
      components: { schemas: { Id: { type: "string", format: "uuid" } } },
    };
    const schema = {
      type: "object",
      properties: {
        id: { $ref: "#/components/schemas/Id" },
        code: { type: "integer", examples: [200] },
        status: { type: "string", enum: ["open", "paid"] },
        amount: { type: "number", minimum: 0.5 },
        tags: { type: "array", items: { type: "string" } },
        at: { type: ["string", "null"], format: "date-time" },
      },
    };
    expect(sample(schema, spec, 0)).toEqual({
      id: "00000000-0000-4000-8000-000000000000",
      code: 200,
      status: "open",
      amount: 0.5,
      tags: ["example"],
      at: "2026-01-01T00:00:00Z",
    });
  });

  it("answers every operation of the committed specs, under any base path, and 404 otherwise", async () => {
    const routes = loadRoutes();
    expect(routes.length).toBeGreaterThan(0);
    const server = await startFakeProvider(routes);
    try {
      for (const route of routes) {
        const path = route.template.replace(/\{[^}]+\}/g, "x1");
        for (const prefix of ["", "/api"]) {
          const response = await fetch(`${server.origin}${prefix}${path}`, {
            method: route.method,
            ...(route.method === "GET" ? {} : { body: "{}" }),
          });
          expect(response.status, `${route.method} ${prefix}${path}`).toBe(route.status);
          await response.arrayBuffer();
        }
      }
      const missing = await fetch(`${server.origin}/no/such/path`);
      expect(missing.status).toBe(404);
      await missing.arrayBuffer();
    } finally {
      await server.close();
    }
  });
});
