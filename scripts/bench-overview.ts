/**
 * Benchmark of the national overview loader: imports N synthetic rows (default 100,000) into
 * a fresh database, then times the loader's work for several filters, warm, 30 runs each.
 * Target (issue 6): under 100 ms with 100,000 progetti.
 *   npm run bench:overview -- [--rows N]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { SessionUser } from "../app/auth/access";
import { loadNationalOverview } from "../app/features/national-overview/national-overview.server";
import { importOfficialFile } from "../app/opendata/import.server";
import { rebuildOverviewSummary } from "../app/opendata/overview-summary.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { withSyntheticFile } from "./lib/synthetic";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const RUNS = 30;
const admin: SessionUser = {
  id: 1,
  email: "admin@example.org",
  name: "Admin",
  role: "admin",
  unioneId: null,
  comuneIds: [],
};
const CASES: [string, string][] = [
  ["tutta Italia", ""],
  ["misura 1.4.1", "misura=1.4.1"],
  ["regione Lombardia", "regione=Lombardia"],
  ["provincia di Milano, 1.4.1", "regione=Lombardia&provincia=MI&misura=1.4.1"],
  ["pagina 20 dei comuni", "pagina=20"],
];

withSyntheticFile(values.rows, "bench-overview-", (file, dir) => {
  const { sqlite, db } = openDatabase(path.join(dir, "bench.sqlite"));
  applyMigrations(db);
  importOfficialFile(db, file, { skipInvalid: false, dryRun: false });
  const progetti = (sqlite.prepare("select count(*) n from progetto").get() as { n: number }).n;
  console.log(`${progetti} progetti nel database`);
  const rebuildStarted = performance.now();
  rebuildOverviewSummary(sqlite);
  console.log(`ricalcolo dei totali: ${(performance.now() - rebuildStarted).toFixed(0)} ms`);
  for (const [label, query] of CASES) {
    const params = new URLSearchParams(query);
    loadNationalOverview(db, admin, params); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      loadNationalOverview(db, admin, params);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(`${label}: mediana ${at(0.5)} ms, p95 ${at(0.95)} ms, massimo ${at(1)} ms`);
  }
  sqlite.close();
});
