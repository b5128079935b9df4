/**
 * Issue 17, lists at national scale: imports N synthetic rows (default 100,000) into the
 * demo database, records a decreto notification for the assigned ones (so Scadenze has tens
 * of thousands of open deadlines), starts the production build and times, one request at a
 * time over HTTP, the administrator's dashboard, a search, Scadenze, /nazionale and a
 * region's view, side by side with a static file of the same size served by plain
 * node:http in the same run. Reports median and p95 in ms, the HTML size and the ratio.
 * Target: each page under 150 ms, the dashboard under 200 KB.
 *   npm run build && npm run bench:dashboard -- [--rows 100000] [--runs 30]
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { refreshAssessments } from "../app/models/assessment-index.server";
import { importOfficialFile } from "../app/opendata/import.server";
import { startApp } from "../test/support/app-server";
import { signInAs } from "../test/support/http";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    runs: { type: "string", default: "30" },
  },
});
const RUNS = Number(values.runs);
const PAGES: [string, string][] = [
  ["cruscotto (admin)", "/"],
  ["cruscotto, ricerca misura 1.4.1 pag. 3", "/?misura=1.4.1&pagina=3"],
  ["scadenze (admin)", "/scadenze"],
  ["scadenze, scadute pag. 10", "/scadenze?stato=overdue&pagina=10"],
  ["panoramica nazionale", "/nazionale"],
  ["panoramica di una regione", "/nazionale?regione=Lombardia"],
];

function startStatic(bytes: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const b=Buffer.alloc(${bytes},"a");require("node:http").createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html","Content-Length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve) =>
    child.stdout?.once("data", (d) =>
      resolve({ url: `http://127.0.0.1:${String(d).trim()}/`, stop: () => child.kill() }),
    ),
  );
}

/**
 * Times RUNS sequential requests after one warm-up; returns median, p95 and the size. Each
 * request to the app carries its own query parameter, so no kept page answers it: what is
 * timed is the page's work (decision 011 keeps pages; this measures a first view).
 */
async function time(url: string, headers: Record<string, string>, unkept = true) {
  let n = 0;
  const get = async () => {
    const started = performance.now();
    n += 1;
    const target = unkept ? `${url}${url.includes("?") ? "&" : "?"}misura-banco=${n}` : url;
    const response = await fetch(target, { headers, redirect: "manual" });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  const { bytes } = await get();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await get()).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), bytes };
}

const dir = mkdtempSync(path.join(tmpdir(), "bench-dashboard-"));
const file = path.join(dir, "candidature.csv");
execFileSync(
  process.execPath,
  ["--import", "tsx", "scripts/generate-opendata.ts", "--rows", values.rows, "--out", file],
  { stdio: "inherit" },
);
const app = await startApp({
  prepare: (db) => {
    let started = performance.now();
    importOfficialFile(db, file, { skipInvalid: false, dryRun: false });
    console.log(
      `importazione (con le valutazioni): ${(performance.now() - started).toFixed(0)} ms`,
    );
    // As if the users had recorded each notification: ten days after the decree.
    db.$client
      .prepare(
        `update decreto set notified_on = date(decree_on, '+10 days')
         where progetto_id in (select id from progetto where official_state = 'A')`,
      )
      .run();
    started = performance.now();
    const assessed = refreshAssessments(db);
    console.log(
      `valutazione di ${assessed} progetti dopo le notifiche: ${(performance.now() - started).toFixed(0)} ms`,
    );
    const stats = db.$client
      .prepare(
        `select (select count(*) from progetto) progetti,
                (select count(*) from progetto_assessment where contract_due is not null) +
                (select count(*) from progetto_assessment where completion_due is not null) aperte`,
      )
      .get() as { progetti: number; aperte: number };
    console.log(`${stats.progetti} progetti, ${stats.aperte} scadenze aperte`);
  },
});
try {
  const cookie = await signInAs(app, "admin");
  const rows: string[] = [];
  for (const [label, pathname] of PAGES) {
    const page = await time(app.url + pathname, { Cookie: cookie });
    const reference = await startStatic(page.bytes);
    const fixed = await time(reference.url, {}, false);
    reference.stop();
    rows.push(
      `| ${label} | ${page.median.toFixed(1)} | ${page.p95.toFixed(1)} | ${(page.bytes / 1024).toFixed(0)} KB | ${fixed.median.toFixed(1)} | ${(page.median / fixed.median).toFixed(1)}× |`,
    );
    console.log(rows[rows.length - 1]);
  }
  console.log(
    "\n| pagina | mediana ms | p95 ms | HTML | file statico, mediana ms | rapporto |\n| --- | --- | --- | --- | --- | --- |",
  );
  console.log(rows.join("\n"));
} finally {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
}
