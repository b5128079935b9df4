/**
 * Attack round 2 on formula neutralisation. Every CSV the app writes goes through toCsv, so the
 * test sits here. A cell is neutralised only when it *starts* like a formula; but a spreadsheet
 * whose list separator is not the file's one (Excel with English settings opening the ";" files,
 * Excel with Italian settings opening the "," open data) splits the cell at the other separator,
 * and the part after it starts a new cell (OWASP, "CSV Injection": the field separator must be
 * taken care of, not only the first character).
 */
import { describe, expect, it } from "vitest";
import { toCsv } from "~/infra/csv";
import { CsvTokenizer } from "~/opendata/csv-tokenizer";

/** The cells a spreadsheet sees when it reads `text` with `separator`. */
function cellsAsReadWith(text: string, separator: string): string[] {
  const tokenizer = new CsvTokenizer(separator);
  return [...tokenizer.push(text.replace(/^\uFEFF/, "")), ...tokenizer.end()].flatMap(
    (r) => r.fields,
  );
}

const isFormula = (cell: string) =>
  !/^-?\d+(?:[.,]\d+)?$/.test(cell) && /^\s*[=+\-@\t\r]/.test(cell);

describe("CSV cells that become formulas once split at the other separator", () => {
  it.each([
    // The payload ends with the other separator, so the formula is a cell of its own.
    // A fornitore in the Excel-Italian exports (Unione, scadenze, riconciliazione).
    ["Excel file (;) opened with ','", "Rossi srl,=cmd|' /C calc'!A0,", true, ","],
    ["Excel file (;) opened with ','", "Rossi srl, =1+1,", true, ","],
    // A progetto title in the public open data, for programs (,), opened by Italian Excel.
    ["open data (,) opened with ';'", "Sito web;=cmd|' /C calc'!A0;", false, ";"],
    ["open data (,) opened with ';'", "Sito web;@SUM(1+1);", false, ";"],
  ])("%s: %j", (_name, typed, excelItalian, otherSeparator) => {
    const csv = toCsv(
      [
        ["comune", "fornitore", "importo"],
        ["Camogli", typed, 1000],
      ],
      { excelItalian },
    );
    const formulas = cellsAsReadWith(csv, otherSeparator).filter(isFormula);
    expect(formulas).toEqual([]);
  });
});
