import type { Summary } from "./stats.ts";

/** A number with a sensible number of digits for a table cell. */
export function num(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return "–";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** `median (p25–p75)`. */
export function spread(s: Summary, digits?: number): string {
  return `${num(s.median, digits)} (${num(s.p25, digits)}–${num(s.p75, digits)})`;
}

/** `0.93×`, with the interquartile range of the paired ratios. */
export function ratio(s: Summary): string {
  return `**${s.median.toFixed(2)}×** (${s.p25.toFixed(2)}–${s.p75.toFixed(2)})`;
}

/** A goal verdict for the report. */
export function verdict(met: boolean): string {
  return met ? "met" : "**missed**";
}

/** A GitHub-flavoured markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_h, i) => (i === 0 ? "---" : "---:"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}
