/**
 * Benchmark of the open-data import: generates N synthetic rows (default 100,000), imports
 * them into a fresh database, then imports them again (all unchanged). Each import runs in
 * its own process, so the peak resident memory (getrusage maxRSS) is that import's alone.
 * Targets (issue 6): under 5 s and under 300 MB.
 *   npm run bench:import -- [--rows N]
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { importOfficialFile } from "../app/opendata/import.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { withSyntheticFile } from "./lib/synthetic";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    child: { type: "string" },
    database: { type: "string" },
  },
});

function importOnce(file: string, database: string) {
  const { sqlite, db } = openDatabase(database);
  applyMigrations(db);
  const started = performance.now();
  const summary = importOfficialFile(db, file, { skipInvalid: false, dryRun: false });
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({ seconds, peakMb, created: summary.created, unchanged: summary.unchanged }),
  );
}

function runChild(file: string, database: string) {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/bench-import.ts", "--child", file, "--database", database],
    { encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").pop() ?? "{}");
}

if (values.child && values.database) {
  importOnce(values.child, values.database);
} else {
  withSyntheticFile(values.rows, "bench-import-", (file, dir) => {
    const database = path.join(dir, "bench.sqlite");
    for (const label of ["Prima importazione", "Reimportazione"]) {
      const r = runChild(file, database);
      console.log(
        `${label}: ${r.seconds.toFixed(2)} s, picco ${Math.round(r.peakMb)} MB, creati ${r.created}, invariati ${r.unchanged}`,
      );
    }
  });
}
