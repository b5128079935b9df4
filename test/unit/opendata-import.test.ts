import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejected, importOfficialFile } from "~/opendata/import.server";
import { OFFICIAL_COLUMNS } from "~/opendata/opendata-row";
import { decreto, progetto } from "../../db/schema";
import { readSharedCsv, SHARED_DIR } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SAMPLE = path.join(SHARED_DIR, "data/padigitale2026/candidature_finanziate_141_sample.csv");

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

async function importFile(file: string, options: { skipInvalid?: boolean; dryRun?: boolean } = {}) {
  return importOfficialFile(t.db, file, {
    skipInvalid: options.skipInvalid ?? false,
    dryRun: options.dryRun ?? false,
  });
}

const count = (sql: string) => (t.sqlite.prepare(sql).get() as { n: number }).n;

describe("importing the official sample", () => {
  it("creates one progetto per row, with the regions and states of the file, and a re-import changes nothing", async () => {
    const first = await importFile(SAMPLE);
    expect(first).toMatchObject({
      rows: 1664,
      created: 1664,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });

    const expected = new Map<string, number>();
    for (const r of readSharedCsv("data/padigitale2026/candidature_finanziate_141_sample.csv")) {
      const key = `${r.regione}|${r.stato_candidatura}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = t.sqlite
      .prepare(
        "select c.regione || '|' || p.official_state k, count(*) n from progetto p join comune c on c.id = p.comune_id group by 1",
      )
      .all() as { k: string; n: number }[];
    expect(new Map(actual.map((a) => [a.k, a.n]))).toEqual(expected);

    // Every 1.4.1 row of a comune decomposes into a band and a number of services.
    expect(count("select count(*) n from progetto where beneficiary_kind = 'comune'")).toBe(708);
    expect(
      count(
        "select count(*) n from progetto where beneficiary_kind = 'comune' and (band is null or services_count is null)",
      ),
    ).toBe(0);
    expect(
      count("select count(*) n from evento where kind = 'erogazione' and source = 'opendata'"),
    ).toBe(927);

    const audit = count("select count(*) n from audit_log");
    const second = await importFile(SAMPLE);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1664 });
    expect(count("select count(*) n from audit_log")).toBe(audit);
    expect(count("select count(*) n from progetto")).toBe(1664);
  }, 60_000);
});

// Our own invented rows in the official format.
function row(
  over: Partial<Record<(typeof OFFICIAL_COLUMNS)[number], string>> = {},
): Record<string, string> {
  return {
    codice_ipa: "c_z999",
    ente: "Comune di Prova",
    tipologia_ente: "Comuni",
    comune: "Prova",
    cod_comune: "999999",
    provincia: "ZZ",
    cod_provincia: "999",
    regione: "Regione di prova",
    cod_regione: "99",
    importo_finanziamento: "155234.0",
    avviso: "1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022",
    data_invio_candidatura: "2022-05-10T10:00:00.000+0000",
    data_finanziamento: "2022-08-19",
    codice_cup: "Z12F22000000001",
    numero_finestra_temporale: "1",
    numero_di_protocollo: "32",
    decreto_finanziamento: "Decreto n.32 - 1 / 2022 - PNRR",
    stato_candidatura: "A",
    data_stato_candidatura: "2022-08-19",
    misura: "1.4.1 Esperienza del cittadino nei servizi pubblici",
    ...over,
  };
}

function csvFile(
  name: string,
  rows: Record<string, string>[],
  options: { separator?: string; eol?: string; bom?: boolean } = {},
) {
  const sep = options.separator ?? ",";
  const eol = options.eol ?? "\n";
  const lines = [
    OFFICIAL_COLUMNS.join(sep),
    ...rows.map((r) => OFFICIAL_COLUMNS.map((c) => r[c] ?? "").join(sep)),
  ];
  const file = path.join(t.dir, name);
  writeFileSync(file, (options.bom ? "\uFEFF" : "") + lines.join(eol) + eol);
  return file;
}

const second = row({
  codice_ipa: "c_z998",
  ente: "Comune di Altrove",
  comune: "Altrove",
  cod_comune: "999998",
  codice_cup: "Z12F22000000002",
  importo_finanziamento: "79922.0",
});

describe("bad input", () => {
  it("reports unreadable rows with line, column and reason, and writes nothing", async () => {
    const file = csvFile("bad.csv", [
      row(),
      row({ codice_cup: "Z12F22000000003", importo_finanziamento: "centomila" }),
      row({ codice_cup: "Z12F22000000004", data_finanziamento: "2022-13-45" }),
      row({ codice_cup: "Z12F22000000005", stato_candidatura: "X" }),
    ]);
    writeFileSync(file, `${readFileText(file)}c_z997,Comune troncato,Comuni\n`);
    const before = count("select count(*) n from progetto");
    const error = await importFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems).toEqual([
      { line: 3, column: "importo_finanziamento", reason: "importo non numerico: «centomila»" },
      { line: 4, column: "data_finanziamento", reason: "data non valida: «2022-13-45»" },
      { line: 5, column: "stato_candidatura", reason: "stato sconosciuto: «X» (attesi A, R o E)" },
      { line: 6, column: "-", reason: "3 colonne invece di 20" },
    ]);
    expect(count("select count(*) n from progetto")).toBe(before);
    expect(count("select count(*) n from comune")).toBe(0);
  });

  it("imports the good rows with --skip-invalid and lists the others", async () => {
    const file = csvFile("mixed.csv", [
      row(),
      row({ codice_cup: "Z12F22000000003", stato_candidatura: "Q" }),
      second,
    ]);
    const summary = await importFile(file, { skipInvalid: true });
    expect(summary).toMatchObject({ rows: 3, created: 2, skipped: 1 });
    expect(summary.problems).toEqual([
      { line: 3, column: "stato_candidatura", reason: "stato sconosciuto: «Q» (attesi A, R o E)" },
    ]);
  });

  it("reports a CUP repeated with different data", async () => {
    const file = csvFile("dup.csv", [row(), row({ importo_finanziamento: "79922.0" })]);
    const error = (await importFile(file).catch((e: unknown) => e)) as ImportRejected;
    expect(error.problems).toEqual([
      { line: 3, column: "codice_cup", reason: "stesso progetto della riga 2 con dati diversi" },
    ]);
  });

  it("reads a file with a BOM and CRLF line endings", async () => {
    const summary = await importFile(
      csvFile("crlf.csv", [row(), second], { bom: true, eol: "\r\n" }),
    );
    expect(summary).toMatchObject({ created: 2, skipped: 0 });
    expect(t.sqlite.prepare("select codice_ipa from comune order by codice_istat").all()).toEqual([
      { codice_ipa: "c_z998" },
      { codice_ipa: "c_z999" },
    ]);
  });

  it("reads a semicolon-separated export saved by Excel, with decimal commas", async () => {
    const file = csvFile("excel.csv", [row({ importo_finanziamento: "155234,00" })], {
      separator: ";",
      bom: true,
      eol: "\r\n",
    });
    expect(await importFile(file)).toMatchObject({ created: 1 });
    expect(
      t.sqlite
        .prepare("select official_amount_cents a, band, services_count s from progetto")
        .get(),
    ).toEqual({ a: 15_523_400, band: 2, s: 4 });
  });

  it("changes nothing in a dry run", async () => {
    const summary = await importFile(csvFile("dry.csv", [row(), second]), { dryRun: true });
    expect(summary).toMatchObject({ created: 2 });
    expect(count("select count(*) n from progetto")).toBe(0);
  });
});

describe("a newer file", () => {
  it("updates the state without touching what users entered", async () => {
    await importFile(csvFile("v1.csv", [row()]));
    const p = t.db.select().from(progetto).where(eq(progetto.cup, "Z12F22000000001")).get();
    t.db
      .update(decreto)
      .set({ notifiedOn: "2022-09-05" })
      .where(eq(decreto.progettoId, p?.id ?? 0))
      .run();
    t.db
      .update(progetto)
      .set({ notes: "Nota del RUP", amountRequestedCents: 15_523_300 })
      .where(eq(progetto.id, p?.id ?? 0))
      .run();

    const summary = await importFile(
      csvFile("v2.csv", [row({ stato_candidatura: "E", data_stato_candidatura: "2024-10-08" })]),
    );
    expect(summary).toMatchObject({ updated: 1, created: 0 });
    expect(
      t.sqlite
        .prepare(
          "select official_state s, official_state_on d, notes, amount_requested_cents a from progetto",
        )
        .get(),
    ).toEqual({
      s: "E",
      d: "2024-10-08",
      notes: "Nota del RUP",
      a: 15_523_300,
    });
    expect(t.sqlite.prepare("select notified_on from decreto").get()).toEqual({
      notified_on: "2022-09-05",
    });
    expect(t.sqlite.prepare("select kind, occurred_on, amount_cents from evento").all()).toEqual([
      { kind: "erogazione", occurred_on: "2024-10-08", amount_cents: 15_523_400 },
    ]);
  });
});

function readFileText(file: string): string {
  return readFileSync(file, "utf8");
}
