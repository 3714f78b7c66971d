import { describe, expect, it } from "vitest";
import { hostLimiter } from "../../src/upstream/crawler.ts";

describe("hostLimiter", () => {
  it("runs at most max tasks at once per host, others in parallel, all to the end", async () => {
    const limit = hostLimiter(2);
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const task = (host: string, i: number) =>
      limit.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        most.set(host, Math.max(most.get(host) ?? 0, running.get(host) ?? 0));
        await new Promise((done) => setTimeout(done, 2 + (i % 3)));
        running.set(host, (running.get(host) ?? 0) - 1);
        return `${host}${i}`;
      });
    const jobs = Array.from({ length: 12 }, (_, i) => task(i % 3 === 0 ? "b" : "a", i));
    const results = await Promise.all(jobs);
    expect(results).toHaveLength(12);
    expect(most.get("a")).toBe(2);
    expect(most.get("b")).toBe(2);
    expect(limit.peak).toBe(2);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = hostLimiter(1);
    await expect(limit.run("a", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await limit.run("a", async () => 1)).toBe(1);
  });
});
