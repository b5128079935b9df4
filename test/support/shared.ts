import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

/** ../shared beside the checkout: the project reads its data there and never copies it. */
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));

export function readSharedCsv(relativePath: string): Record<string, string>[] {
  return parse(readFileSync(SHARED_DIR + relativePath), { columns: true, bom: true });
}
