/**
 * Benchmark of the Unione page's loader with N synthetic member comuni (default 300), each
 * with a 1.4.1 progetto at some stage: median, p95 and maximum of 30 warm runs, and the
 * number of SQL statements one run prepares (it must not grow with the members).
 * Target (issue 7): under 50 ms with 300 comuni.
 *   npm run bench:unione -- [--members N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadUnionePage } from "../app/features/unione/unione-view.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { syncReferenceData } from "../db/reference";
import { createSyntheticUnione } from "./lib/synthetic-unione";

const { values } = parseArgs({ options: { members: { type: "string", default: "300" } } });
const RUNS = 30;
const TODAY = "2026-11-22";
const POLICY = { today: TODAY, atRiskDays: 30 };
const dir = mkdtempSync(path.join(tmpdir(), "bench-unione-"));
try {
  const { sqlite, db } = openDatabase(path.join(dir, "bench.sqlite"));
  applyMigrations(db);
  syncReferenceData(db);
  const unioneId = createSyntheticUnione(sqlite, Number(values.members));
  for (const [label, query] of [
    ["ordine per comune", ""],
    ["ordine per importo, solo in ritardo", "ordina=importo&verso=desc&ritardo=1"],
  ] as const) {
    const params = new URLSearchParams(query);
    loadUnionePage(db, unioneId, POLICY, params); // warm-up
    const prepare = sqlite.prepare.bind(sqlite);
    let statements = 0;
    sqlite.prepare = ((source: string) => {
      statements += 1;
      return prepare(source);
    }) as typeof sqlite.prepare;
    const rows = loadUnionePage(db, unioneId, POLICY, params)?.rows.length;
    sqlite.prepare = prepare;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      loadUnionePage(db, unioneId, POLICY, params);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(
      `${values.members} comuni, ${label} (${rows} righe): mediana ${at(0.5)} ms, p95 ${at(0.95)} ms, massimo ${at(1)} ms, ${statements} query`,
    );
  }
  sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
