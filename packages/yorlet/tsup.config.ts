// The shared build: ESM + CJS + declarations (see tsup.base.ts at the repository root).
export { default } from "../../tsup.base";
