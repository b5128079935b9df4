/**
 * No file makes the import crash: each problem is a reported row (line, column, reason) or
 * a clearly worded refusal of the whole file, and a refused file changes nothing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejected, importOfficialFile } from "~/opendata/import.server";
import { OFFICIAL_COLUMNS } from "~/opendata/opendata-row";
import { UnreadableFile } from "~/opendata/read.server";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const NEWER = path.resolve("test/fixtures/opendata/candidature_141_2025-03-31.csv");
const newerText = readFileSync(NEWER, "utf8");

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

const progetti = () =>
  (t.sqlite.prepare("select count(*) n from progetto").get() as { n: number }).n;

function attempt(name: string, content: string | Buffer, skipInvalid = false) {
  const file = path.join(t.dir, name);
  writeFileSync(file, content);
  try {
    return importOfficialFile(t.db, file, { skipInvalid, dryRun: false });
  } catch (error) {
    return error;
  }
}

describe("files that are not what they should be", () => {
  it.each([
    ["an empty file", "", /vuoto/],
    ["a web page instead of the file", "<!DOCTYPE html><html><body>404</body></html>\n", /colonne/],
    ["random bytes", Buffer.from([0, 255, 1, 254, 10, 13, 0, 7]), /colonne/],
    ["JSON that is not a list", '{"message": "Not Found"}', /elenco/],
    ["broken JSON", '[{"codice_ipa": "c_z901",', /JSON non valido/],
  ])("refuses %s as a whole, with a message and no change", (name, content, message) => {
    const outcome = attempt("file.csv", content);
    expect(outcome, name).toBeInstanceOf(UnreadableFile);
    expect((outcome as Error).message).toMatch(message);
    expect(progetti()).toBe(0);
  });

  it("reports a truncated last row with its line, and imports the rest on request", () => {
    const cut = newerText.slice(0, newerText.length - 120);
    const refused = attempt("cut.csv", cut);
    expect(refused).toBeInstanceOf(ImportRejected);
    expect((refused as ImportRejected).problems).toEqual([
      { line: 9, column: "-", reason: expect.stringMatching(/colonne invece di 20/) },
    ]);
    expect(progetti()).toBe(0);
    const summary = attempt("cut.csv", cut, true);
    expect(summary).toMatchObject({ created: 7, skipped: 1 });
  });

  it("reports a row with a malformed ISTAT code or window, and keeps N/D rows", () => {
    const [header, first, ...rest] = newerText.trimEnd().split("\n");
    const bad = (first ?? "").replace(",111001,", ",11A001,");
    const badWindow = (rest[0] ?? "").replace(",1,32,", ",prima,32,");
    const outcome = attempt("bad.csv", [header, bad, badWindow, ...rest.slice(1)].join("\n"));
    expect((outcome as ImportRejected).problems).toEqual([
      { line: 2, column: "cod_comune", reason: "codice ISTAT non valido: «11A001»" },
      {
        line: 3,
        column: "numero_finestra_temporale",
        reason: "finestra temporale non valida: «prima»",
      },
    ]);
  });

  it("refuses a file that lacks an official column, naming it", () => {
    const header = OFFICIAL_COLUMNS.filter((c) => c !== "cod_comune").join(",");
    const outcome = attempt("old-format.csv", `${header}\n`);
    expect(outcome).toBeInstanceOf(UnreadableFile);
    expect((outcome as Error).message).toBe(
      "Intestazione non riconosciuta: mancano le colonne cod_comune",
    );
  });

  it("turns a row the database refuses into a refusal naming the row, not a stack trace", () => {
    // A real constraint of the database, not a stub: rows of this CUP cannot be stored.
    t.sqlite.exec(`create trigger refuse_cup before insert on progetto
      when new.cup = 'Z11F22000000005' begin select raise(abort, 'CUP bloccato'); end`);
    const outcome = attempt("newer.csv", newerText, true);
    expect(outcome).toBeInstanceOf(ImportRejected);
    expect((outcome as ImportRejected).message).toBe(
      "Riga 6: il database rifiuta la riga: CUP bloccato. Nessuna modifica al database",
    );
    expect(progetti()).toBe(0);
  });
});
