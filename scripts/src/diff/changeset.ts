/**
 * Turns classified spec changes into a changeset for the provider's package.
 *
 * Version policy: a regenerated package is bumped exactly as its changes are classified —
 * breaking → major, additive → minor, documentation → patch — and that holds while the package
 * is still 0.x too. Changesets therefore takes a 0.x package to 1.0.0 on its first breaking
 * upstream change instead of hiding the break in a 0.(x+1).0 release: a consumer's `^0.x.y`
 * range never picks up a break unannounced, and every version number says what its release
 * holds. One changeset lists every change of one regeneration, one line each.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { bumpOf, type SpecChange } from "./index.ts";

/** A changeset file to write under `.changeset/`. */
export interface Changeset {
  /** `regen-<provider>-<8 hex>.md`, derived from the content. */
  fileName: string;
  content: string;
}

/**
 * The changeset for `changes` to `packageName`. Its file name is a hash of its content, so the
 * same regeneration written twice is the same file, never a second changeset.
 */
export function renderChangeset(
  packageName: string,
  provider: string,
  changes: readonly SpecChange[],
): Changeset {
  const bump = bumpOf(changes);
  if (bump === null) throw new Error(`no changes to describe for ${packageName}`);
  const count = `${changes.length} ${changes.length === 1 ? "change" : "changes"}`;
  const lines = changes.map((change) => `- ${change.message.replace(/\s*[\r\n]+\s*/g, " ")}`);
  const content = [
    "---",
    `${JSON.stringify(packageName)}: ${bump}`,
    "---",
    "",
    `Regenerated from upstream docs: ${count}`,
    "",
    ...lines,
    "",
  ].join("\n");
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  return { fileName: `regen-${safeName(provider)}-${hash}.md`, content };
}

/** Whether `fileName` is already among `existingFiles` (names or paths, e.g. `.changeset/*`). */
export function changesetExists(existingFiles: readonly string[], fileName: string): boolean {
  return existingFiles.some((file) => basename(file) === fileName);
}

function safeName(provider: string): string {
  const name = provider
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name === "" ? "provider" : name;
}
