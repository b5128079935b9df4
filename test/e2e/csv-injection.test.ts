import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvTokenizer } from "../../app/opendata/csv-tokenizer";
import { type RunningApp, startApp } from "../support/app-server";
import { get, post, query, signInAs } from "../support/http";

/** Fornitori typed by a malicious or careless editor, each a formula for a spreadsheet. */
const PAYLOADS = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+1+1", "-2+3+cmd|' /C calc'!A0"];

let app: RunningApp;
let cookie: string;
let unioneId: number;
let istat: string;

beforeAll(async () => {
  app = await startApp();
  cookie = await signInAs(app, "admin");
  unioneId =
    query<{ id: number }>(
      app,
      "select id from unione where name = 'Unione dei Comuni Valle del Savio'",
    )[0]?.id ?? 0;
  const progetti = query<{ id: number; istat: string }>(
    app,
    `select min(p.id) id, c.codice_istat istat from progetto p join comune c on c.id = p.comune_id
     where c.unione_id = ? and p.misura = '1.4.1' and p.beneficiary_kind = 'comune'
     group by c.id order by c.id`,
    unioneId,
  );
  istat = progetti[0]?.istat ?? "";
  for (const [i, payload] of PAYLOADS.entries()) {
    const progetto = progetti[i];
    if (!progetto) throw new Error("too few progetti in the Unione");
    // The earliest determina is the one the Unione page shows.
    const response = await post(
      app,
      `/progetti/${progetto.id}/determine/nuova`,
      {
        number: `${900 + i}`,
        adoptedOn: `2022-01-0${i + 1}`,
        supplierName: payload,
        supplierVat: "",
        cig: "",
        amount: "",
        contractOn: "",
      },
      cookie,
    );
    expect(response.status).toBe(302);
  }
});
afterAll(async () => {
  await app?.stop();
});

async function download(path: string, separator: string): Promise<string[][]> {
  const response = await get(app, path, path.startsWith("/attuazione") ? null : cookie);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/csv");
  const tokenizer = new CsvTokenizer(separator);
  const text = (await response.text()).replace(/^\uFEFF/, "");
  return [...tokenizer.push(text), ...tokenizer.end()].map((r) => r.fields);
}

describe("CSV exports with formulas typed into the data", () => {
  it.each([
    ["Unione, for Excel", () => `/unioni/${unioneId}/confronto.csv`, ";", true],
    ["Unione, for programs", () => `/unioni/${unioneId}/confronto-dati.csv`, ",", true],
    ["Scadenze", () => "/scadenze.csv", ";", false],
    ["Riconciliazione", () => "/riconciliazione.csv", ";", false],
    ["public open data", () => `/attuazione/${istat}/dati.csv`, ",", false],
  ])("%s: no cell is a formula", async (_name, path, separator, showsSupplier) => {
    const rows = await download(path(), separator);
    expect(rows.length).toBeGreaterThan(1);
    for (const cell of rows.flat()) {
      // A number (negative or with a decimal comma) is fine; any other text must not start a formula.
      if (/^-?\d+(?:[.,]\d+)?$/.test(cell)) continue;
      expect(cell).not.toMatch(/^\s*[=+\-@\t\r]/);
    }
    if (showsSupplier) {
      const cells = rows.flat();
      for (const payload of PAYLOADS) expect(cells).toContain(`'${payload}`);
      // Cesena's amount is still a number, with the decimal comma for Excel.
      expect(cells).toContain(separator === ";" ? "328160,00" : "328160.00");
    }
  });
});
