/**
 * Benchmark of the Unione page with N synthetic member comuni (default 300), each with a
 * 1.4.1 progetto at some stage and, with --measures M, grants of M measures in all: median,
 * p95 and maximum of 30 warm runs of the page's loader, and the number of SQL statements one
 * run prepares (it must not grow with the members or the measures). With --http the whole
 * page is also asked of the real server (`npm run build` first) as a signed-in administrator:
 * loader, render and compression; each request has a query string of its own, so no kept
 * page answers it.
 * Targets: under 50 ms with 300 comuni (issue 7); under 100 ms for the page with 30 comuni
 * × 7 measures (issue 18).
 *   npm run bench:unione -- [--members N] [--measures M] [--http]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadUnionePage } from "../app/features/unione/unione-view.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { syncReferenceData } from "../db/reference";
import { startApp } from "../test/support/app-server";
import { signInAs } from "../test/support/http";
import { createSyntheticUnione } from "./lib/synthetic-unione";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "300" },
    measures: { type: "string", default: "1" },
    http: { type: "boolean", default: false },
  },
});
const RUNS = 30;
/** Runs before measuring, so the JIT and the statement cache are warm in every case. */
const WARM_UP = 5;
const TODAY = "2026-11-22";
const POLICY = { today: TODAY, atRiskDays: 30 };
const members = Number(values.members);
const measures = Number(values.measures);
const scale = `${members} comuni × ${measures} ${measures === 1 ? "misura" : "misure"}`;

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return `mediana ${at(0.5)} ms, p95 ${at(0.95)} ms, massimo ${at(1)} ms`;
}

const dir = mkdtempSync(path.join(tmpdir(), "bench-unione-"));
try {
  const { sqlite, db } = openDatabase(path.join(dir, "bench.sqlite"));
  applyMigrations(db);
  syncReferenceData(db);
  const unioneId = createSyntheticUnione(sqlite, members, { measures });
  for (const [label, query] of [
    ["ordine per comune", ""],
    ["ordine per importo, solo in ritardo", "ordina=importo&verso=desc&ritardo=1"],
  ] as const) {
    const params = new URLSearchParams(query);
    for (let i = 0; i < WARM_UP; i++) loadUnionePage(db, unioneId, POLICY, params);
    const prepare = sqlite.prepare.bind(sqlite);
    let statements = 0;
    sqlite.prepare = ((source: string) => {
      statements += 1;
      return prepare(source);
    }) as typeof sqlite.prepare;
    const page = loadUnionePage(db, unioneId, POLICY, params);
    sqlite.prepare = prepare;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      loadUnionePage(db, unioneId, POLICY, params);
      times.push(performance.now() - started);
    }
    const grants = page?.matrix.rows.reduce((n, r) => n + r.cells.filter(Boolean).length, 0);
    console.log(
      `loader, ${scale}, ${label} (${page?.rows.length} righe, ${grants} celle della matrice): ${summary(times)}, ${statements} query`,
    );
  }
  sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (values.http) {
  let unioneId = 0;
  const app = await startApp({
    today: TODAY,
    prepare: (db) => {
      unioneId = createSyntheticUnione(db.$client, members, { measures });
    },
  });
  try {
    const cookie = await signInAs(app, "admin");
    const ask = async (n: number) => {
      const started = performance.now();
      const response = await fetch(`${app.url}/unioni/${unioneId}?giro=${n}`, {
        headers: { Cookie: cookie, "Accept-Encoding": "gzip" },
      });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`pagina dell'Unione: ${response.status}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    for (let i = 1; i <= WARM_UP; i++) await ask(-i);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await ask(i);
      times.push(run.ms);
      bytes = run.bytes;
    }
    console.log(
      `pagina intera via HTTP, ${scale} (${Math.round(bytes / 1024)} KiB di HTML): ${summary(times)}`,
    );
  } finally {
    await app.stop();
  }
}
