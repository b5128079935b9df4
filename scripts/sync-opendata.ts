/**
 * npm run sync:opendata -- [--base-url URL] [--skip-invalid]
 * Downloads the official file of every measure (conditional requests), imports those that
 * changed, records what it saw in opendata_source. Base URL: --base-url, else
 * OPENDATA_BASE_URL, else the public repository teamdigitale/padigitale2026-opendata.
 * Exit status 1 when a file could not be downloaded or was refused, for cron to report it.
 * --progress-json: for the server's job runner (see scripts/lib/job-output.ts).
 */
import { parseArgs } from "node:util";
import { readConfig } from "../app/infra/config.server";
import { DEFAULT_OPENDATA_BASE_URL, syncOpenData } from "../app/opendata/sync.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { asJob, emit, ParentGone, parentWatch } from "./lib/job-output";

function fail(message: string): never {
  if (asJob) emit({ type: "failed", message });
  console.error(`Errore: ${message}`);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        "base-url": { type: "string" },
        "skip-invalid": { type: "boolean" },
        "progress-json": { type: "boolean" },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const baseUrl = values["base-url"] ?? process.env.OPENDATA_BASE_URL ?? DEFAULT_OPENDATA_BASE_URL;
if (!/^https?:\/\//.test(baseUrl)) fail(`indirizzo non valido: «${baseUrl}»`);

const { sqlite, db } = openDatabase(readConfig().databaseFile);
const checkParent = asJob ? parentWatch() : () => {};
try {
  applyMigrations(db);
  const results = await syncOpenData(db, {
    baseUrl,
    skipInvalid: values["skip-invalid"] ?? false,
    onProgress: ({ index, total, url, done }) => {
      checkParent();
      if (asJob) emit({ type: "progress", done: index + (done ? 1 : 0), total });
      else if (!done) process.stderr.write(`[${index + 1}/${total}] ${url}\n`);
    },
    onRow: (count) => {
      if (count % 1000 === 0) checkParent();
    },
  });
  if (asJob)
    emit({
      type: "synced",
      results: results.map(({ url, outcome, message }) => ({ url, outcome, message })),
    });
  let failed = 0;
  for (const r of results) {
    if (r.outcome === "errore") failed += 1;
    console.log(`${r.url}: ${r.message}`);
  }
  if (failed > 0) {
    console.error(`${failed} file su ${results.length} non aggiornati.`);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof ParentGone) fail(error.message);
  throw error;
} finally {
  sqlite.close();
}
