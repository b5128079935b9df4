/**
 * Benchmark of the open-data import: generates N synthetic rows (default 100,000), imports
 * them into a fresh database, imports them again (all unchanged), and prints wall time and
 * peak resident memory of each run. Targets (issue 6): under 5 s and under 300 MB.
 *   npm run bench:import -- [--rows N]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyRows, collectRows } from "../app/opendata/import.server";
import { readOfficialFile } from "../app/opendata/read.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
const file = path.join(dir, "candidature.csv");
execFileSync(
  process.execPath,
  ["--import", "tsx", "scripts/generate-opendata.ts", "--rows", values.rows, "--out", file],
  {
    stdio: "inherit",
  },
);

const { sqlite, db } = openDatabase(path.join(dir, "bench.sqlite"));
applyMigrations(db);

async function run(label: string) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const { rows, problems } = await collectRows(readOfficialFile(file));
  const read = performance.now();
  const summary = applyRows(db, rows, problems, { skipInvalid: false, dryRun: false });
  const done = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label}: ${((done - started) / 1000).toFixed(2)} s (lettura ${((read - started) / 1000).toFixed(2)} s, scrittura ${((done - read) / 1000).toFixed(2)} s), ` +
      `picco ${Math.round(peak / 1024 / 1024)} MB, creati ${summary.created}, invariati ${summary.unchanged}`,
  );
}

try {
  await run("Prima importazione");
  await run("Reimportazione");
} finally {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}
