/**
 * The import assesses what it wrote in bulk (decision 007), in its own transaction, and a
 * first import rebuilds the plain indexes once at the end: the stored assessments must
 * still be exactly what the read model computes progetto by progetto, and the schema must
 * come out of an import, committed or refused, exactly as it went in.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { refreshAssessments, storedAssessment } from "~/models/assessment-index.server";
import { loadAssessedProgetti } from "~/models/progetti.server";
import { ImportRejected, importOfficialFile } from "~/opendata/import.server";
import { UnreadableFile } from "~/opendata/read.server";
import { seedDemoData } from "../../scripts/seeds/demo";
import { SHARED_DIR } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SAMPLE = path.join(SHARED_DIR, "data/padigitale2026/candidature_finanziate_141_sample.csv");
const TODAY = "2026-11-22";

let t: TempDatabase | undefined;
afterEach(() => t?.cleanup());

const stored = (db: TempDatabase) =>
  db.sqlite
    .prepare(
      `select progetto_id progettoId, phase, official_state officialState, amount_cents amountCents,
              contract_due contractDue, completion_due completionDue,
              integration_due integrationDue, next_due nextDue
       from progetto_assessment order by progetto_id`,
    )
    .all();

/** Progetto by progetto, through the read model every page uses. */
const perProgetto = (db: TempDatabase) =>
  loadAssessedProgetti(db.db, { today: TODAY, atRiskDays: 30 }, undefined)
    .map(storedAssessment)
    .sort((a, b) => (a.progettoId ?? 0) - (b.progettoId ?? 0));

const schema = (db: TempDatabase) =>
  db.sqlite.prepare("select type, name, tbl_name, sql from sqlite_master order by name").all();

const count = (db: TempDatabase, table: string) =>
  db.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

/**
 * The sample a year later: some assigned progetti paid, some renounced, others' amounts
 * changed (lines with quoted fields left as they are).
 */
function laterSample(dir: string): string {
  const [header = "", ...lines] = readFileSync(SAMPLE, "utf8").trimEnd().split("\n");
  const columns = header.split(",");
  const at = (name: string) => columns.indexOf(name);
  const changed = lines.map((line, index) => {
    if (line.includes('"')) return line;
    const fields = line.split(",");
    if (fields[at("stato_candidatura")] === "A" && index % 3 === 0) {
      fields[at("stato_candidatura")] = index % 2 ? "E" : "R";
      fields[at("data_stato_candidatura")] = "2025-06-30";
    } else if (index % 7 === 0) fields[at("importo_finanziamento")] = "123456.0";
    return fields.join(",");
  });
  const file = path.join(dir, "later.csv");
  writeFileSync(file, `${[header, ...changed].join("\n")}\n`);
  return file;
}

describe("the stored assessments after an import", () => {
  it("equal the read model's, progetto by progetto, after a first import, a newer file and a full refresh", () => {
    t = createTempDatabase();
    const db = t;
    // Steps typed by users (decreti notified, determine, events) beside the official rows.
    seedDemoData({ db: db.db, filesDir: db.filesDir, today: TODAY });
    refreshAssessments(db.db);
    const before = schema(db);

    // Larger than what is there: the bulk path, indexes rebuilt at the end.
    const first = importOfficialFile(db.db, SAMPLE, { skipInvalid: false, dryRun: false });
    expect(first.created).toBeGreaterThan(1600);
    expect(count(db, "progetto_stale")).toBe(0);
    expect(stored(db)).toEqual(perProgetto(db));
    expect(schema(db)).toEqual(before);

    const later = importOfficialFile(db.db, laterSample(db.dir), {
      skipInvalid: false,
      dryRun: false,
    });
    expect(later.updated).toBeGreaterThan(300);
    expect(stored(db)).toEqual(perProgetto(db));

    // Every progetto assessed again from scratch gives the same rows.
    const afterImports = stored(db);
    db.sqlite.exec(
      "delete from progetto_assessment; insert into progetto_stale select id from progetto",
    );
    expect(refreshAssessments(db.db)).toBe(count(db, "progetto"));
    expect(stored(db)).toEqual(afterImports);
    expect(schema(db)).toEqual(before);
  });

  it("leave nothing behind when the file is refused: no progetto, no assessment, every index", () => {
    t = createTempDatabase();
    const db = t;
    const before = schema(db);
    const lines = readFileSync(SAMPLE, "utf8").trimEnd().split("\n");
    // The last row of the file breaks, after every other row has been written.
    const broken = path.join(db.dir, "broken.csv");
    const last = (lines[1] ?? "").split(",");
    last[17] = "X"; // stato_candidatura
    writeFileSync(broken, `${[...lines, last.join(",")].join("\n")}\n`);

    expect(() => importOfficialFile(db.db, broken, { skipInvalid: false, dryRun: false })).toThrow(
      ImportRejected,
    );
    expect(count(db, "progetto")).toBe(0);
    expect(count(db, "progetto_assessment")).toBe(0);
    expect(count(db, "progetto_stale")).toBe(0);
    expect(schema(db)).toEqual(before);

    // A dry run of the good file writes nothing either.
    importOfficialFile(db.db, SAMPLE, { skipInvalid: false, dryRun: true });
    expect(count(db, "progetto")).toBe(0);
    expect(schema(db)).toEqual(before);
  });

  it("refuse a file that cannot be read with a sentence naming it, not a system error", () => {
    t = createTempDatabase();
    const missing = path.join(t.dir, "manca.csv");
    expect(() =>
      importOfficialFile(t?.db as TempDatabase["db"], missing, {
        skipInvalid: false,
        dryRun: false,
      }),
    ).toThrow(UnreadableFile);
    expect(() =>
      importOfficialFile(t?.db as TempDatabase["db"], t?.dir as string, {
        skipInvalid: false,
        dryRun: false,
      }),
    ).toThrow(/file non leggibile: .* \(EISDIR\)/);
  });
});
