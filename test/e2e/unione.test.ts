import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { get, post, query, signInAs } from "../support/http";

let app: RunningApp;
let browser: Browser;
let unioneId: number;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  unioneId =
    query<{ id: number }>(
      app,
      "select id from unione where name = 'Unione dei Comuni Valle del Savio'",
    )[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const pageAs = (role: "admin" | "coordinatore") => signedInPage(browser, app, role);

describe("the Valle del Savio page", () => {
  it("compares the six comuni in a real browser, with totals, sorting and drill-down", async () => {
    const { page, errors } = await pageAs("coordinatore");
    await page.goto(`${app.url}/unioni/${unioneId}`);
    const table = page.locator("table.comparison");
    await expect(table.locator("tbody tr").count()).resolves.toBe(6);
    const total = (await table.locator("tfoot tr").textContent()) ?? "";
    expect(total).toContain("Totale (6 comuni)");
    expect(total).toContain("€ 878.394,00");
    const cesena = (await table.getByRole("row", { name: /^Cesena/ }).textContent()) ?? "";
    expect(cesena).toContain("€ 328.160,00");
    const cells = await table
      .getByRole("row", { name: /^Cesena/ })
      .locator("td")
      .allTextContents();
    expect(cells[4]).toBe("6"); // N. servizi

    // Sorting by amount, largest first, from the column header (two clicks).
    await table.getByRole("link", { name: /^Importo/ }).click();
    await page.locator("th[aria-sort=ascending]", { hasText: "Importo" }).waitFor();
    await page
      .locator("table.comparison")
      .getByRole("link", { name: /^Importo/ })
      .click();
    // The URL changes before the new rows arrive: wait for the header's new state.
    await page.locator("th[aria-sort=descending]").waitFor();
    const first = await page.locator("table.comparison tbody tr th").first().textContent();
    expect(first).toContain("Cesena");
    expect(await page.locator("th[aria-sort=descending]").first().textContent()).toContain(
      "Importo",
    );

    // The amounts chart has its own table: site and services add up to the amount.
    const split = page.locator("#grafico-importi").locator("xpath=ancestor::figure//table");
    const cesenaSplit = (await split.getByRole("row", { name: /^Cesena/ }).textContent()) ?? "";
    expect(cesenaSplit).toContain("€ 328.160,00");
    // Every chart is drawn on the server and its marks lead to the progetti.
    expect(await page.locator("figure.chart svg.recharts-surface").count()).toBe(2);
    const cesenaId = query<{ id: number }>(
      app,
      "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Cesena' and p.misura = '1.4.1' and p.beneficiary_kind = 'comune'",
    )[0]?.id;
    expect(await page.locator(`#grafico-importi a[href="/progetti/${cesenaId}"]`).count()).toBe(2);
    await page.locator("table.comparison").getByRole("link", { name: "Cesena" }).click();
    await page.waitForURL(`${app.url}/progetti/${cesenaId}`);
    expect(errors).toEqual([]);
  });

  it("exports the same numbers for Excel, for programs and as JSON", async () => {
    const cookie = await signInAs(app, "coordinatore");
    const excel = Buffer.from(
      await (await get(app, `/unioni/${unioneId}/confronto.csv`, cookie)).arrayBuffer(),
    );
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = excel.subarray(3).toString("utf8").split("\r\n");
    expect(
      lines[0]?.startsWith("Comune;CUP;Fascia;Importo;Sito;Servizi (importo);Numero servizi"),
    ).toBe(true);
    const cesena = lines.find((l) => l.startsWith("Cesena;"))?.split(";") ?? [];
    expect(cesena[3]).toBe("328160,00");
    expect(cesena[6]).toBe("6");
    expect(lines.find((l) => l.startsWith("Totale"))?.split(";")[3]).toBe("878394,00");

    const plain = await (await get(app, `/unioni/${unioneId}/confronto-dati.csv`, cookie)).text();
    expect(
      plain
        .split("\r\n")
        .find((l) => l.startsWith("Cesena,"))
        ?.split(",")[3],
    ).toBe("328160.00");
    const json = (await (await get(app, `/unioni/${unioneId}/confronto.json`, cookie)).json()) as {
      totals: { amountCents: number; comuni: number };
    };
    expect(json.totals).toMatchObject({ amountCents: 87_839_400, comuni: 6 });
  });

  it("has a print version without navigation, set for A4 landscape", async () => {
    const { page } = await pageAs("coordinatore");
    await page.goto(`${app.url}/unioni/${unioneId}/stampa`);
    expect(await page.locator("header.app-header").count()).toBe(0);
    expect(await page.locator("table.comparison tfoot").textContent()).toContain("€ 878.394,00");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });

  it("is closed to an editor; an admin adds members, the coordinatore may only remove them", async () => {
    const editor = await signInAs(app, "editor");
    expect((await get(app, `/unioni/${unioneId}`, editor)).status).toBe(403);
    expect((await get(app, `/unioni/${unioneId}/confronto.csv`, editor)).status).toBe(403);
    const members = () =>
      query<{ n: number }>(app, "select count(*) n from comune where unione_id = ?", unioneId)[0]
        ?.n;

    // Joining the Unione would give its coordinatore write access to the comune.
    const coordinatore = await signInAs(app, "coordinatore");
    const page = await (await get(app, `/unioni/${unioneId}`, coordinatore)).text();
    expect(page).not.toContain("Aggiungi un comune");
    expect(page).toContain("rivolgersi a un amministratore");
    const grab = await post(
      app,
      `/unioni/${unioneId}`,
      { intent: "add", comune: "Pisa" },
      coordinatore,
    );
    expect(grab.status).toBe(403);
    expect(members()).toBe(6);

    const admin = await signInAs(app, "admin");
    const refused = await post(
      app,
      `/unioni/${unioneId}`,
      { intent: "add", comune: "Atlantide" },
      admin,
    );
    expect(await refused.text()).toContain("Nessun comune trovato con «Atlantide».");
    await post(app, `/unioni/${unioneId}`, { intent: "add", comune: "Pisa" }, admin);
    expect(members()).toBe(7);
    const pisa = query<{ id: number }>(app, "select id from comune where name = 'Pisa'")[0]?.id;
    await post(
      app,
      `/unioni/${unioneId}`,
      { intent: "remove", comuneId: String(pisa) },
      coordinatore,
    );
    expect(members()).toBe(6);
  });
});
