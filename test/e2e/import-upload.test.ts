import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICIAL_COLUMNS } from "~/opendata/opendata-row";
import { type RunningApp, startApp } from "../support/app-server";
import { get, query, signInAs } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

// Invented rows in the official format.
const line = (cup: string, state: string) =>
  OFFICIAL_COLUMNS.map(
    (c) =>
      ({
        codice_ipa: "c_z990",
        ente: "Comune di Caricamento",
        tipologia_ente: "Comuni",
        comune: "Caricamento",
        cod_comune: "999990",
        provincia: "ZZ",
        regione: "Regione di prova",
        importo_finanziamento: "79922.0",
        avviso: "1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022",
        data_finanziamento: "2022-08-19",
        codice_cup: cup,
        decreto_finanziamento: "Decreto n.32 - 1 / 2022 - PNRR",
        stato_candidatura: state,
        data_stato_candidatura: "2022-08-19",
        misura: "1.4.1 Esperienza del cittadino nei servizi pubblici",
      })[c as string] ?? "",
  ).join(",");

async function upload(cookie: string, csv: string, options: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new Blob([csv]), "candidature.csv");
  for (const [k, v] of Object.entries(options)) form.set(k, v);
  let response = await fetch(`${app.url}/admin/importa`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: app.url },
  });
  // The import runs as a job: its page reloads itself until the job has ended.
  let html = await response.text();
  while (html.includes('http-equiv="refresh"')) {
    await new Promise((r) => setTimeout(r, 100));
    response = await get(app, response.url.slice(app.url.length), cookie);
    html = await response.text();
  }
  // Plain text of the page: React separates adjacent expressions with empty comments.
  return { status: response.status, html: html.replace(/<!-- -->/g, "").replace(/\s+/g, " ") };
}

const header = OFFICIAL_COLUMNS.join(",");
const projects = () =>
  query<{ n: number }>(app, "select count(*) n from progetto where cup like 'Z90F%'")[0]?.n;

describe("importing from the admin page", () => {
  it("imports an uploaded file and reports what changed", async () => {
    const cookie = await signInAs(app, "admin");
    const csv = `${header}\n${line("Z90F22000000001", "A")}\n${line("Z90F22000000002", "E")}\n`;
    const { status, html } = await upload(cookie, csv);
    expect(status).toBe(200);
    expect(html).toContain(
      "2 righe: 2 progetti creati, 0 aggiornati, 0 invariati, 0 righe scartate.",
    );
    expect(projects()).toBe(2);
    const again = await upload(cookie, csv);
    expect(again.html).toContain("0 progetti creati, 0 aggiornati, 2 invariati");
  });

  it("refuses a file with bad rows, saving nothing, and lists them", async () => {
    const cookie = await signInAs(app, "admin");
    const { html } = await upload(
      cookie,
      `${header}\n${line("Z90F22000000003", "A")}\n${line("Z90F22000000004", "Q")}\n`,
    );
    expect(html).toContain("1 problemi: nessuna modifica salvata.");
    expect(html).toContain("stato sconosciuto: «Q» (attesi A, R o E)");
    expect(projects()).toBe(2);
  });

  it("is for admins only", async () => {
    const { status } = await upload(
      await signInAs(app, "editor"),
      `${header}\n${line("Z90F22000000005", "A")}\n`,
    );
    expect(status).toBe(403);
    expect(projects()).toBe(2);
  });
});

describe("the official files of several measures and dates, from the admin page", () => {
  const fixture = (name: string) =>
    readFileSync(path.resolve("test/fixtures/opendata", name), "utf8");

  it("imports them in any order, and the pages show both windows of a re-applied CUP", async () => {
    const cookie = await signInAs(app, "admin");
    for (const name of [
      "candidature_141_2025-03-31.csv",
      "candidature_12_2025-03-31.csv",
      "candidature_141_2024-06-30.csv",
    ]) {
      const { status, html } = await upload(cookie, fixture(name));
      expect(status, name).toBe(200);
      expect(html, name).toContain("0 righe scartate.");
    }
    const [riprova] = query<{ id: number }>(
      app,
      "select id from comune where codice_ipa = 'c_z906'",
    );
    const comunePage = await (await get(app, `/comuni/${riprova?.id}`, cookie)).text();
    const text = comunePage.replace(/<!-- -->/g, "").replace(/\s+/g, " ");
    // Each window is a row of the portfolio: its heading, the amount, then the state.
    const stateOf = (window: number) =>
      new RegExp(
        `CUP Z11F22000000006 · finestra ${window}</a></th><td[^>]*>[^<]*</td><td>([^<]+)`,
      ).exec(text)?.[1];
    expect(stateOf(1)).toBe("Rinunciato");
    // Paid: the import records the payment, and the upkeep follows from its date.
    expect(stateOf(2)).toMatch(/^In mantenimento fino al 31\/12\/20\d\d$/);

    const [second] = query<{ id: number }>(
      app,
      "select id from progetto where official_cup = 'Z11F22000000006' and official_window = 2",
    );
    const progettoPage = (await (await get(app, `/progetti/${second?.id}`, cookie)).text())
      .replace(/<!-- -->/g, "")
      .replace(/\s+/g, " ");
    expect(progettoPage).toContain("<dt>Finestra temporale</dt><dd>2</dd>");
    expect(progettoPage).toContain("<dt>Numero di protocollo</dt><dd>135</dd>");
  });

  it("says on the national overview which enti it counts", async () => {
    const cookie = await signInAs(app, "admin");
    const page = await (await get(app, "/nazionale", cookie)).text();
    expect(page).toContain("Sono contati i soli progetti dei comuni.");
    const all = await (await get(app, "/nazionale?enti=tutti", cookie)).text();
    expect(all).toContain("Sono contati i progetti di tutti gli enti");
  });
});
