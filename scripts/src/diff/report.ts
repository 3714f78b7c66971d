import { compareText, stableJson } from "./json.ts";

/** The semver bump a change calls for. */
export type Bump = "major" | "minor" | "patch";

/** One classified difference between two versions of a spec, as a reviewer reads it. */
export interface SpecChange {
  bump: Bump;
  message: string;
}

/** Records a change: `text` is the message without its trailing kind. */
export type Emit = (bump: Bump, text: string) => void;

const KIND: Record<Bump, string> = {
  major: "breaking",
  minor: "additive",
  patch: "documentation",
};

const RANK: Record<Bump, number> = { major: 0, minor: 1, patch: 2 };

/** A change sink that drops duplicates (a shared schema reached twice reports once per message). */
export function collector(): { emit: Emit; changes: () => SpecChange[] } {
  const seen = new Map<string, SpecChange>();
  const emit: Emit = (bump, text) => {
    const message = `${oneLine(text)} (${KIND[bump]})`;
    if (!seen.has(message)) seen.set(message, { bump, message });
  };
  return { emit, changes: () => sortChanges([...seen.values()]) };
}

/** Major first, then minor, then patch; by message within a bump. */
export function sortChanges(changes: SpecChange[]): SpecChange[] {
  return [...changes].sort(
    (a, b) => RANK[a.bump] - RANK[b.bump] || compareText(a.message, b.message),
  );
}

/** The highest bump of a list, or null for none. */
export function highestBump(changes: readonly SpecChange[]): Bump | null {
  let best: Bump | null = null;
  for (const { bump } of changes) if (best === null || RANK[bump] < RANK[best]) best = bump;
  return best;
}

/** A name or value in backticks, as one line (a backtick inside would end the code span). */
export function code(value: unknown): string {
  const text = typeof value === "string" ? value : stableJson(value);
  return `\`${oneLine(text).replaceAll("`", "'")}\``;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}
