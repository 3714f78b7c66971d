import { cpus, totalmem } from "node:os";

/** One line describing where the numbers were measured. */
export function machine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? "unknown CPU";
  const gb = Math.round(totalmem() / 2 ** 30);
  return `${list.length} × ${model}, ${gb} GB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}
