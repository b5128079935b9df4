/**
 * Imports official open-data rows in one transaction. Official figures go to the official_*
 * columns and the state; what users typed (decreto notification, determine, documents,
 * notes, their own amounts) is never overwritten, so differences stay visible.
 */
import type Database from "better-sqlite3";
import { type Actor, bumpDataVersion, writeAudit } from "../../db/audit";
import type { Db } from "../../db/connection";
import { refreshAssessments } from "../models/assessment-index.server";
import { dropPlainIndexes } from "./bulk-indexes.server";
import { ImportWriter } from "./import-writer.server";
import type { RowProblem } from "./opendata-row";
import { type CheckedRecord, checkedBatches, surveyFile } from "./read.server";

export interface RowReport extends RowProblem {
  line: number;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Comuni and enti whose name, codes or place the file changed. */
  enti: number;
  /** What the file's facts are as of: options.fileDate, or its latest data_stato_candidatura. */
  fileDate: string;
  problems: RowReport[];
}

export class ImportRejected extends Error {
  constructor(
    readonly problems: RowReport[],
    message = `${problems.length} righe non leggibili: nessuna modifica al database`,
  ) {
    super(message);
  }
}

class DryRun extends Error {}

/** Negative: KiB, as SQLite's cache_size pragma wants it. */
const IMPORT_CACHE_KIB = -16_384;

const ACTOR: Actor = { label: "import", userId: null };

export interface ImportOptions {
  skipInvalid: boolean;
  dryRun: boolean;
  now?: string;
  /** The date the file's facts are as of ("YYYY-MM-DD"); by default its latest state date. */
  fileDate?: string;
  /** Called after each record read, with the file's count of records, for a progress bar. */
  onRow?: (count: number, total: number) => void;
}

/**
 * A first pass finds the file's date and size; the second reads, checks and writes it inside
 * one transaction, so memory stays bounded by a chunk and the maps of known keys, and
 * assesses what it wrote before committing. Problems roll everything back unless
 * skipInvalid; a dry run always rolls back.
 */
export function importOfficialFile(db: Db, path: string, options: ImportOptions): ImportSummary {
  const problems: RowReport[] = [];
  const now = options.now ?? new Date().toISOString();
  const survey = surveyFile(path);
  const summary: ImportSummary = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    enti: 0,
    fileDate: options.fileDate ?? survey.latestDate ?? now.slice(0, 10),
    problems,
  };
  // A national file touches tens of MB of pages: a larger page cache for this transaction
  // avoids spilling to the WAL mid-way (measured: 5.0 s → 4.5 s for 100,000 rows).
  const cacheSize = db.$client.pragma("cache_size", { simple: true });
  const tempStore = db.$client.pragma("temp_store", { simple: true });
  db.$client.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  // Every insert that fires a trigger (the stale marks) copies the pages it touches into a
  // statement journal; once that spills to a temporary file, each page is a write system call
  // (100,000 rows: 3 million of them). In memory it stays a copy.
  db.$client.pragma("temp_store = MEMORY");
  try {
    db.transaction((tx) => {
      const sqlite = db.$client;
      // A file larger than the progetti known (a first import): indexes rebuilt at the end.
      const known = sqlite.prepare("select count(*) from progetto").pluck().get() as number;
      const rebuildIndexes =
        options.dryRun || survey.records <= known
          ? null
          : dropPlainIndexes(sqlite, ["progetto", "progetto_assessment"]);
      writeRecords(sqlite, checkedBatches(path), summary, survey.records, options.onRow, now);
      if (problems.length > 0 && !options.skipInvalid) throw new ImportRejected(problems);
      // One audit entry per import that changed something: who, when and how much.
      // It also marks the overview's sums as out of date (they follow comuni's places).
      if (summary.created + summary.updated + summary.enti > 0) {
        writeAudit(tx, ACTOR, {
          action: "create",
          entity: "import",
          entityId: null,
          after: {
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            skipped: summary.skipped,
            enti: summary.enti,
            fileDate: summary.fileDate,
          },
        });
        // Rows only seen again (official_seen_on) change without an audit entry.
      } else bumpDataVersion(tx);
      if (options.dryRun) throw new DryRun();
      // The progetti it wrote are stale (triggers): assessed now, in the same transaction,
      // so no page ever reads stored assessments older than the import's facts.
      refreshAssessments(db);
      rebuildIndexes?.();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  } finally {
    db.$client.pragma(`cache_size = ${Number(cacheSize)}`);
    db.$client.pragma(`temp_store = ${Number(tempStore)}`);
  }
  return summary;
}

/**
 * Writes the checked records. The writer's maps (tens of MB for a national file) die when it
 * returns, before the assessments are computed, so the heap does not carry both.
 */
function writeRecords(
  sqlite: Database.Database,
  batches: Iterable<CheckedRecord[]>,
  summary: ImportSummary,
  total: number,
  onRow: ImportOptions["onRow"],
  now: string,
): void {
  const { problems } = summary;
  const writer = new ImportWriter(sqlite, now, summary.fileDate);
  for (const batch of batches) {
    for (const record of batch) {
      summary.rows += 1;
      onRow?.(summary.rows, total);
      if ("problems" in record) {
        for (const p of record.problems) problems.push({ line: record.line, ...p });
        continue;
      }
      let outcome: ReturnType<ImportWriter["apply"]>;
      try {
        outcome = writer.apply(record.row, record.line);
      } catch (error) {
        // A row the checks let through but the database refuses: the whole file is
        // refused (the row may be half written), naming the row, never a stack trace.
        const reason = `il database rifiuta la riga: ${(error as Error).message}`;
        throw new ImportRejected(
          [{ line: record.line, column: "-", reason }],
          `Riga ${record.line}: ${reason}. Nessuna modifica al database`,
        );
      }
      if (typeof outcome === "string") summary[outcome] += 1;
      else if (outcome.conflictsWithLine !== null) {
        problems.push({
          line: record.line,
          column: "codice_cup",
          reason: `stesso progetto della riga ${outcome.conflictsWithLine} con dati diversi`,
        });
      }
    }
  }
  summary.skipped = new Set(problems.map((p) => p.line)).size;
  summary.enti = writer.changedEnti;
}
