/**
 * Issue 18: what a RUP records after completion (asseverazione, CRE, payment request, the
 * payment with its reversale, checks) is never overwritten by a newer official file, even
 * when that file changes the same progetto's official payment.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importOfficialFile } from "~/opendata/import.server";
import { SHARED_DIR } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SAMPLE = path.join(SHARED_DIR, "data/padigitale2026/candidature_finanziate_141_sample.csv");

let t: TempDatabase | undefined;
afterEach(() => t?.cleanup());

const handFacts = (db: TempDatabase) =>
  db.sqlite
    .prepare(
      `select id, progetto_id, kind, occurred_on, outcome, amount_cents, reference, due_on,
              replied_on, year, note from evento where source <> 'opendata' order by id`,
    )
    .all();

describe("facts entered by hand after completion", () => {
  it("survive a newer official file that changes the same progetto's payment", () => {
    t = createTempDatabase();
    const db = t;
    importOfficialFile(db.db, SAMPLE, { skipInvalid: false, dryRun: false });
    const paid = db.sqlite
      .prepare(
        "select p.id, p.cup from progetto p join evento e on e.progetto_id = p.id where e.source = 'opendata' and e.kind = 'erogazione' order by p.id limit 1",
      )
      .get() as { id: number; cup: string };
    const add = db.sqlite.prepare(
      `insert into evento (progetto_id, kind, occurred_on, outcome, amount_cents, reference, note, source, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 'manuale', '2026-01-01', '2026-01-01')`,
    );
    add.run(paid.id, "asseverazione", "2024-05-01", "positiva", null, null, "Nessun rilievo");
    add.run(paid.id, "cre", "2024-05-10", null, null, null, null);
    add.run(paid.id, "richiesta-erogazione", "2024-05-11", null, null, null, null);
    add.run(paid.id, "erogazione", "2024-06-01", null, 12_345_600, "R-7781", null);
    const before = handFacts(db);
    expect(before).toHaveLength(4);

    // The next file says the same progetto was paid on another day, another amount.
    const [header = "", ...lines] = readFileSync(SAMPLE, "utf8").trimEnd().split("\n");
    const columns = header.split(",");
    const changed = lines.map((line) => {
      if (!line.includes(paid.cup) || line.includes('"')) return line;
      const fields = line.split(",");
      fields[columns.indexOf("data_stato_candidatura")] = "2024-07-15";
      fields[columns.indexOf("importo_finanziamento")] = "111111.0";
      return fields.join(",");
    });
    const later = path.join(db.dir, "later.csv");
    writeFileSync(later, `${[header, ...changed].join("\n")}\n`);
    importOfficialFile(db.db, later, { skipInvalid: false, dryRun: false });

    expect(handFacts(db)).toEqual(before);
    const official = db.sqlite
      .prepare(
        "select occurred_on from evento where progetto_id = ? and source = 'opendata' and kind = 'erogazione'",
      )
      .pluck()
      .get(paid.id);
    expect(official).toBe("2024-07-15");
  });
});
