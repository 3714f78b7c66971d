// Where the repository and the pipeline's sources are. Kept in one file at src/ because the CLI
// bundle (scripts/bin/payclients.mjs) defines import.meta.url as src/cli.ts for every module: a
// file in src/ resolves to the same directory whether it runs bundled or from source (vitest).
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** scripts/src/: its TypeScript files are hashed into the regen cache key. */
export const SRC_DIR = fileURLToPath(new URL(".", import.meta.url));
