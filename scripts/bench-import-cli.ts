/**
 * Benchmark of the import command as users run it (issue 16): for 13,500 rows (a national
 * file of one measure) and 100,000 generated rows, runs in turn, several rounds,
 *   - the compiled command, `node scripts/cli.mjs import-opendata FILE` (what
 *     `npm run import:opendata` runs, without npm's own start), on a fresh copy of a migrated
 *     empty database, and
 *   - `sqlite3 DB ".import --csv FILE t"` of the same file into a new database,
 * and prints the medians of wall time and peak resident memory (/usr/bin/time) and the ratio,
 * with the load average before and after each size (the machine may be shared).
 * Targets: 13,500 rows under 1 s; 100,000 rows under 3 s and 250 MB.
 *   npm run bench:import-cli -- [--rounds 5] [--rows 13500,100000]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    rows: { type: "string", default: "13500,100000" },
  },
});
const rounds = Number(values.rounds);
const sizes = values.rows.split(",").map(Number);

function needs(command: string, args: string[], hint: string): void {
  if (spawnSync(command, args, { stdio: "ignore" }).error) {
    console.error(`Manca ${command}: ${hint}`);
    process.exit(1);
  }
}
needs("sqlite3", ["--version"], "installarlo con `sudo apt-get install sqlite3`.");
needs("/usr/bin/time", ["true"], "installarlo con `sudo apt-get install time`.");

/** Wall seconds and peak RSS (MB) of one command, by /usr/bin/time. */
function timed(command: string[], env: NodeJS.ProcessEnv = process.env) {
  const run = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", ...command], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const match = /BENCH (\S+) (\d+)\s*$/.exec(run.stderr);
  if (run.status !== 0 || !match)
    throw new Error(`${command.join(" ")} non riuscito:\n${run.stderr.slice(-2000)}`);
  return { seconds: Number(match[1]), mb: Number(match[2]) / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

execFileSync("npm", ["run", "-s", "build:cli"], { stdio: "inherit" });
const dir = mkdtempSync(path.join(tmpdir(), "bench-import-cli-"));
try {
  const template = path.join(dir, "template.sqlite");
  const { sqlite, db } = openDatabase(template);
  applyMigrations(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();

  console.log(
    `Macchina: ${cpus().length} core, ${cpus()[0]?.model ?? "?"}, Node ${process.version}, ${
      execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0]
    } (sqlite3); ${rounds} giri, mediane.`,
  );
  console.log("righe | app: tempo, picco RSS | sqlite3 .import: tempo, picco RSS | rapporto");
  for (const rows of sizes) {
    const file = path.join(dir, `candidature-${rows}.csv`);
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/generate-opendata.ts", "--rows", String(rows), "--out", file],
      { stdio: "ignore" },
    );
    const loadBefore = loadavg()[0] ?? 0;
    const app: { seconds: number; mb: number }[] = [];
    const cli: { seconds: number; mb: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const data = path.join(dir, "data");
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data);
      copyFileSync(template, path.join(data, "cruscotto.sqlite"));
      app.push(
        timed([process.execPath, "scripts/cli.mjs", "import-opendata", file], {
          ...process.env,
          CRUSCOTTO_DATA_DIR: data,
        }),
      );
      const plain = path.join(dir, "sqlite3.db");
      rmSync(plain, { force: true });
      cli.push(timed(["sqlite3", plain, `.import --csv ${file} t`]));
    }
    const appS = median(app.map((r) => r.seconds));
    const cliS = median(cli.map((r) => r.seconds));
    console.log(
      `${rows} | ${appS.toFixed(2)} s, ${Math.round(median(app.map((r) => r.mb)))} MB | ${cliS.toFixed(
        2,
      )} s, ${Math.round(median(cli.map((r) => r.mb)))} MB | ${(appS / cliS).toFixed(1)}×`,
    );
    const each = (runs: { seconds: number }[]) => runs.map((r) => r.seconds.toFixed(2)).join(" / ");
    const load = `${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)}`;
    console.log(
      `  app, ogni giro: ${each(app)} s, ${app.map((r) => Math.round(r.mb)).join(" / ")} MB; sqlite3: ${each(cli)} s; carico medio (1 min) ${load}`,
    );
  }
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
