import { describe, expect, it } from "vitest";
import { toCsv } from "~/infra/csv";
import { CsvTokenizer } from "~/opendata/csv-tokenizer";

/** The cells of the first record, read back as a spreadsheet import would split them. */
function cells(csv: string, separator: string): string[] {
  const tokenizer = new CsvTokenizer(separator);
  const records = [...tokenizer.push(csv.replace(/^\uFEFF/, "")), ...tokenizer.end()];
  return records[0]?.fields ?? [];
}

const PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  "@SUM(1+1)",
  "+1+1",
  "-2+3+cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "  @SUM(1)",
  "\u00a0=1+1",
  "=1;2",
  "-",
];

describe("toCsv", () => {
  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(toCsv([["a,b", 'c"d', "e\nf", null, 3]], { excelItalian: false })).toBe(
      '"a,b","c""d","e\nf",,3\r\n',
    );
    expect(toCsv([["a;b", "a,b"]], { excelItalian: true })).toBe('\uFEFF"a;b";a,b\r\n');
  });

  describe.each([
    [false, ","],
    [true, ";"],
  ])("excelItalian %s", (excelItalian, separator) => {
    it.each(PAYLOADS)("writes %j as text, never a formula", (payload) => {
      const [cell] = cells(toCsv([[payload]], { excelItalian }), separator);
      expect(cell).toBe(`'${payload}`);
    });

    it("leaves ordinary text alone, formula characters inside it included", () => {
      const row = ["C&C Sistemi Srl", "Cesena", "a=b", "x-y", "mail@example.it", "1+1", ""];
      expect(cells(toCsv([row], { excelItalian }), separator)).toEqual(row);
    });

    it("keeps numbers numbers, negative ones and decimal strings included", () => {
      const row = [-5, 0, 12, 3.5, "-2", "328160,00", "-1234,56", "-1234.56", "42"];
      expect(cells(toCsv([row], { excelItalian }), separator)).toEqual(row.map(String));
    });
  });
});
