/**
 * A RUP records what follows completion for one progetto in a real browser: completion
 * request, asseverazione, CRE, payment request, a request for integration, payment and a
 * sample check; the progetto page and Scadenze show the result, and the rules refuse a
 * payment before the asseverazione, one above the amount financed and a future date.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { query } from "../support/http";

const TODAY = "2026-11-22";
let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];
let progettoId: number;

beforeAll(async () => {
  app = await startApp({ today: TODAY });
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser, app, "editor"));
  progettoId =
    query<{ id: number }>(app, "select id from progetto where cup = 'G51F22003070006'")[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const section = () => page.locator("section[aria-labelledby=dopo-completamento]");

/** Opens the form of a step from the progetto page's "Dopo il completamento" links. */
async function open(step: string) {
  await page.goto(`${app.url}/progetti/${progettoId}`);
  await section().getByRole("link", { name: step, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: step }).waitFor();
}

async function fill(fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT")
      await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

async function save() {
  await page.getByRole("button", { name: "Salva" }).click();
  await page.waitForLoadState("load");
}

async function saved() {
  await save();
  await page.getByRole("heading", { name: "Dopo il completamento" }).waitFor();
}

async function refused(message: string) {
  await save();
  await page.locator(".error-message").first().waitFor();
  await expect(page.locator(".error-message").allInnerTexts()).resolves.toContain(message);
}

describe("a RUP records the steps from completion to payment and after", () => {
  it("refuses what breaks the order, saves the rest, and the page tells where the progetto stands", async () => {
    await open("Richiesta di completamento delle attività");
    await fill({ "Data della richiesta": "2024-07-15" });
    await saved();

    await open("Erogazione del contributo");
    await fill({ "Data dell'erogazione": "2024-12-10", "Importo erogato (€)": "155.234,00" });
    await refused(
      "«Erogazione del contributo» richiede prima un'asseverazione con esito positivo, con data non successiva",
    );

    await open("Esito dell'asseverazione");
    await fill({
      "Data dell'esito": "2024-10-01",
      "Esito dell'asseverazione": "Positiva",
      "Note (per esempio i criteri non conformi)": "Nessun rilievo",
    });
    // The demo checklist is not filled in here: an asseverazione then asks to be confirmed.
    await save();
    await page.getByLabel(/^Confermo: /).check();
    await saved();

    await open("Certificato di regolare esecuzione (CRE) firmato dal RUP");
    await fill({ "Data della firma del RUP": "2024-10-10" });
    await saved();

    await open("Richiesta di erogazione (Allegato 5)");
    await fill({ "Data di invio": "2024-10-12" });
    await saved();

    await open("Richiesta di integrazione");
    await fill({
      "Data della richiesta": "2024-11-05",
      "Termine per rispondere": "2024-11-15",
      "Che cosa è richiesto": "Dichiarazione sul titolare effettivo",
    });
    await saved();

    // The reply owed is a deadline on the progetto and in Scadenze until it is answered.
    await expect(
      section().locator("table", { hasText: "Richieste di integrazione" }).textContent(),
    ).resolves.toContain("Scaduta da 737 giorni");
    await page.goto(`${app.url}/scadenze`);
    const scadenza = page.locator("tr", { hasText: "Risposta alla richiesta di integrazione" });
    await expect(scadenza.textContent()).resolves.toContain("15/11/2024");
    await expect(scadenza.textContent()).resolves.toContain("Santa Margherita Ligure");

    const [integrazione] = query<{ id: number }>(
      app,
      "select id from evento where progetto_id = ? and kind = 'richiesta-integrazione'",
      progettoId,
    );
    await page.goto(`${app.url}/progetti/${progettoId}/eventi/${integrazione?.id}`);
    await fill({ "Data della risposta": "2024-11-14" });
    await saved();
    await page.goto(`${app.url}/scadenze`);
    await expect(
      page.locator("tr", { hasText: "Risposta alla richiesta di integrazione" }).count(),
    ).resolves.toBe(0);

    await open("Erogazione del contributo");
    await fill({
      "Data dell'erogazione": "2024-12-10",
      "Importo erogato (€)": "200.000,00",
      "Numero di reversale": "5678",
    });
    await refused("L'importo erogato (€ 200.000,00) supera l'importo finanziato (€ 155.234,00)");
    await fill({ "Importo erogato (€)": "155.234,00" });
    await saved();

    await open("Controllo a campione");
    await fill({ "Data della richiesta di controllo": "2026-12-01" });
    await refused(
      "La data non può essere futura (oggi è il 22/11/2026): si registrano solo fatti già avvenuti",
    );
    await fill({
      "Data della richiesta di controllo": "2026-09-01",
      "Data di invio dei documenti": "2026-09-20",
    });
    await saved();

    // The CRE carries its document as the earlier steps do.
    await page.getByRole("link", { name: "Carica un documento" }).click();
    await page
      .getByLabel("Passaggio a cui si riferisce")
      .selectOption({ label: "Certificato di regolare esecuzione (CRE) firmato dal RUP" });
    await page.getByLabel("Titolo").fill("CRE firmato");
    await page.getByLabel("File PDF o PDF firmato").setInputFiles({
      name: "cre.pdf",
      mimeType: "application/pdf",
      buffer: placeholderPdf("CRE firmato", 40_000),
    });
    await page.getByRole("button", { name: "Carica" }).click();
    await page.getByRole("heading", { name: "Dopo il completamento" }).waitFor();

    const facts = await page.locator("dl.facts").first().textContent();
    expect(facts).toContain("Erogato — in mantenimento fino al 31/12/2029");
    const dd = (label: string) =>
      section().locator(`dt:text-is("${label}") + dd`).first().textContent();
    await expect(section().locator("p strong").first().textContent()).resolves.toBe(
      "In mantenimento fino al 31/12/2029",
    );
    for (const [label, value] of [
      ["Richiesta di completamento", "15/07/2024"],
      ["Asseverazione", "Positiva, 01/10/2024 — Nessun rilievo"],
      ["Certificato di regolare esecuzione (RUP)", "10/10/2024"],
      ["Richiesta di erogazione (Allegato 5)", "12/10/2024"],
      ["Erogazione", "10/12/2024, € 155.234,00, reversale n. 5678"],
      ["Contributo ricevuto", "€ 155.234,00"],
    ])
      await expect(dd(label as string), label).resolves.toBe(value);
    await expect(section().locator(".warning").allTextContents()).resolves.toContain(
      "Manca la dichiarazione di mantenimento per 2025.",
    );
    const check = section()
      .locator("table", { hasText: "Controlli a campione" })
      .locator("tbody td");
    await expect(check.allTextContents()).resolves.toEqual([
      "01/09/2026",
      "20/09/2026",
      "in corso",
      "—",
    ]);

    const entry = (title: string) =>
      page.locator("ol.timeline > li", { hasText: title }).locator("p, a").allTextContents();
    await expect(entry("Certificato di regolare esecuzione")).resolves.toContain("CRE firmato");
    await expect(entry("Erogazione di € 155.234,00")).resolves.toContain("Reversale n. 5678");
    const reply = await entry("Richiesta di integrazione");
    expect(reply).toContain("Rispondere entro il 15/11/2024");
    expect(reply).toContain("Risposta inviata il 14/11/2024");

    const audit = query<{ kind: string }>(
      app,
      "select json_extract(after, '$.kind') kind from audit_log where actor = 'editor@cruscotto.example' and entity = 'evento' and action = 'create' order by id",
    );
    expect(audit.map((a) => a.kind)).toEqual([
      "richiesta-completamento",
      "asseverazione",
      "cre",
      "richiesta-erogazione",
      "richiesta-integrazione",
      "erogazione",
      "controllo-campione",
    ]);
    expect(errors).toEqual([]);
  });
});
