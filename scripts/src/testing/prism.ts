// Test support: Stoplight Prism as an independent mock of a spec, on a free loopback port.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const PRISM = `${REPO}node_modules/@stoplight/prism-cli/dist/index.js`;

/** A running Prism mock and what it logged: violations mean client and spec disagree. */
export interface PrismServer {
  baseUrl: string;
  /** Every request/response violation Prism reported so far. */
  violations(): string[];
  stop(): Promise<void>;
}

/** Starts `prism mock` on the given spec (repo-relative path) and waits until it listens. */
export async function startPrism(spec: string, timeoutMs = 30_000): Promise<PrismServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [PRISM, "mock", `${REPO}${spec}`, "-h", "127.0.0.1", "-p", String(port), "--errors"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const exited = (code: number | null) => fail(new Error(`Prism exited with ${code}:\n${log}`));
    child.once("exit", exited);
    const listening = () => {
      if (!log.includes("Prism is listening")) return;
      clearTimeout(timer);
      child.off("exit", exited);
      child.stdout?.off("data", listening);
      resolve();
    };
    child.stdout?.on("data", listening);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    violations: () => log.split("\n").filter((line) => /Violation:/.test(line)),
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // Already gone (exited, or killed by a signal): its "exit" event will not come again.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    // Never let a stuck child hold the suite: the OS reaps it when the test process exits.
    setTimeout(resolve, 5_000).unref();
    // SIGKILL: on SIGTERM Prism waits for idle keep-alive connections (fetch pools them) to close.
    if (!child.kill("SIGKILL")) resolve();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
