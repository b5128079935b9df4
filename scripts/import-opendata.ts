/**
 * npm run import:opendata -- FILE [--skip-invalid] [--dry-run] [--date YYYY-MM-DD]
 * Imports the official PA digitale 2026 open data (CSV or JSON) in one transaction.
 * --date: the day the file's facts are as of (default: its latest data_stato_candidatura);
 * an older file never overwrites what a newer one set.
 * --progress-json: for the server's job runner: JSON lines on stdout (app/infra/job-messages),
 * and the import is abandoned, saving nothing, if the process that started it dies.
 */
import { parseArgs } from "node:util";
import { isIsoDate } from "../app/domain/dates";
import { readConfig } from "../app/infra/config.server";
import { JOB_PROBLEMS_SHOWN } from "../app/infra/job-messages";
import { ImportRejected, importOfficialFile, type RowReport } from "../app/opendata/import.server";
import { rebuildOverviewSummary } from "../app/opendata/overview-summary.server";
import { UnreadableFile } from "../app/opendata/read.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { asJob, emit, ParentGone, parentWatch } from "./lib/job-output";

function fail(message: string): never {
  if (asJob) emit({ type: "failed", message });
  console.error(`Errore: ${message}`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "skip-invalid": { type: "boolean" },
        "dry-run": { type: "boolean" },
        date: { type: "string" },
        "progress-json": { type: "boolean" },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const file =
  positionals[0] ?? fail("indicare il file da importare: npm run import:opendata -- FILE");
if (values.date !== undefined && !isIsoDate(values.date))
  fail(`--date vuole una data AAAA-MM-GG, non «${values.date}»`);

function progress() {
  if (asJob) {
    const checkParent = parentWatch();
    return (count: number, total: number) => {
      if (count % 1000 === 0) checkParent();
      if (count % 2000 === 0 || count === total) emit({ type: "progress", done: count, total });
    };
  }
  const started = Date.now();
  return (count: number, total: number) => {
    if (count % 2000 !== 0 && count !== total) return;
    const share = Math.min(1, count / total);
    const width = 30;
    const filled = Math.round(share * width);
    const rate = Math.round(count / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${count} righe, ${rate} righe/s`,
    );
  };
}

function printProblems(problems: RowReport[]) {
  for (const p of problems.slice(0, 50))
    console.error(`  riga ${p.line}, colonna ${p.column}: ${p.reason}`);
  if (problems.length > 50) console.error(`  … e altri ${problems.length - 50} problemi`);
}

const { sqlite, db } = openDatabase(readConfig().databaseFile);
try {
  applyMigrations(db);
  const summary = importOfficialFile(db, file, {
    skipInvalid: values["skip-invalid"] ?? false,
    dryRun: values["dry-run"] ?? false,
    fileDate: values.date,
    onRow: progress(),
  });
  process.stderr.write("\n");
  const prefix = values["dry-run"] ? "Prova (nessuna modifica salvata): " : "";
  console.log(
    `${prefix}${summary.rows} righe: ${summary.created} progetti creati, ${summary.updated} aggiornati, ${summary.unchanged} invariati, ${summary.skipped} righe scartate.`,
  );
  console.log(
    `Dati al ${summary.fileDate}; ${summary.enti} comuni o enti con nome, codici o sede aggiornati.`,
  );
  if (!values["dry-run"] && summary.created + summary.updated + summary.enti > 0) {
    const started = performance.now();
    rebuildOverviewSummary(sqlite);
    console.log(
      `Totali della panoramica nazionale aggiornati in ${((performance.now() - started) / 1000).toFixed(2)} s.`,
    );
  }
  if (asJob) {
    const { problems, ...outcome } = summary;
    emit({
      type: "done",
      summary: outcome,
      problemCount: problems.length,
      problems: problems.slice(0, JOB_PROBLEMS_SHOWN),
    });
  }
  if (summary.problems.length) {
    console.error("Righe scartate:");
    printProblems(summary.problems);
  }
} catch (error) {
  if (error instanceof ParentGone) fail(error.message);
  if (error instanceof ImportRejected) {
    if (asJob)
      emit({
        type: "rejected",
        problemCount: error.problems.length,
        problems: error.problems.slice(0, JOB_PROBLEMS_SHOWN),
      });
    process.stderr.write("\n");
    console.error(`Errore: ${error.message}. Correggere il file o usare --skip-invalid.`);
    printProblems(error.problems);
    process.exit(1);
  }
  if (error instanceof UnreadableFile) fail(error.message);
  throw error;
} finally {
  sqlite.close();
}
