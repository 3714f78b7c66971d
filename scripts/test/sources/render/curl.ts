import { exampleOf, pathOf, type TOperation } from "./operation.ts";

/** The curl request example every rendered form shows, with the body as `--data`. */
export function curlLines(op: TOperation): string[] {
  const lines = [
    `curl --request ${op.method.toUpperCase()} \\`,
    `  --url https://${op.host}${pathOf(op)} \\`,
  ];
  const headers: string[] = [];
  if (op.body !== undefined) headers.push("Content-Type: application/json");
  if (op.apiKey !== undefined) headers.push(`${op.apiKey.header}: <api-key>`);
  const data = op.body === undefined ? undefined : JSON.stringify(exampleOf(op.body), null, 2);
  headers.forEach((header, i) => {
    const last = i === headers.length - 1 && data === undefined;
    lines.push(`  --header '${header}'${last ? "" : " \\"}`);
  });
  if (data !== undefined) lines.push("  --data '", ...data.split("\n"), "'");
  else if (headers.length === 0) lines[1] = (lines[1] as string).replace(/ \\$/, "");
  return lines;
}

/** The response example every rendered form shows beside the fields. */
export function responseLines(op: TOperation): string[] {
  return JSON.stringify(exampleOf(op.response?.fields ?? []), null, 2).split("\n");
}
