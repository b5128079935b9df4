/**
 * node scripts/cli.mjs check-site URL [--allow-private] --progress-json
 * The automatic checks of a comune's site, for the server's job runner: reading a foreign site
 * and judging its HTML runs here, not in the server's thread. Prints the results as JSON lines
 * (app/infra/job-messages); the server records them. Writes nothing.
 */
import { parseArgs } from "node:util";
import { DEFAULT_LIMITS } from "../app/features/conformity/bounded-fetch.server";
import { checkSite } from "../app/features/conformity/check-site.server";
import { asJob, emit } from "./lib/job-output";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "allow-private": { type: "boolean" }, "progress-json": { type: "boolean" } },
});
const url = positionals[0];
if (!url) {
  console.error("Uso: node scripts/cli.mjs check-site URL [--allow-private] --progress-json");
  process.exit(1);
}
const results = await checkSite(
  url,
  { ...DEFAULT_LIMITS, allowPrivate: values["allow-private"] ?? false },
  (done, total) => {
    if (asJob) emit({ type: "progress", done, total });
  },
);
if (asJob) emit({ type: "checked", results });
else for (const r of results) console.log(`${r.criterion}\t${r.outcome}\t${r.detail}`);
