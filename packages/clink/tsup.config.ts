import { defineConfig } from "tsup";
import base from "../../tsup.base";

// The shared build (tsup.base.ts at the repository root) with a second entry, `webhooks`
// (server-only: verifyClinkWebhook). The two entries share no code of their own (the error
// classes come from @payclients/core, external), so no shared chunk is needed.
export default defineConfig({
  ...(base as object),
  entry: ["src/index.ts", "src/webhooks.ts"],
});
