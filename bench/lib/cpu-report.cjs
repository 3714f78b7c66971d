// Preloaded (NODE_OPTIONS=--require) into every Node process a benchmark spawns, children
// included: appends the process's CPU time in microseconds to $BENCH_CPU_FILE on exit.
const { appendFileSync } = require("node:fs");

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(file, `${user + system}\n`);
  });
}
