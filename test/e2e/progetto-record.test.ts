import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progetto } from "../../db/schema";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { comuneId, demoAccount, query } from "../support/http";

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Santa Margherita Ligure without its demo progetto: the test enters it from scratch.
  app = await startApp({
    prepare: (db) => db.delete(progetto).where(eq(progetto.cup, "G51F22003070006")).run(),
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  const editor = demoAccount("editor");
  await page.goto(`${app.url}/accedi`);
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("heading", { name: "Progetti PNRR" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function save(button: string) {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("heading", { name: /Esperienza del cittadino/ }).waitFor();
}

async function upload(step: string, title: string, fileName: string, size: number) {
  await page.getByRole("link", { name: "Carica un documento" }).click();
  await page.getByLabel("Passaggio a cui si riferisce").selectOption({ label: step });
  await page.getByLabel("Titolo").fill(title);
  await page.getByLabel("File PDF o PDF firmato").setInputFiles({
    name: fileName,
    mimeType: "application/pdf",
    buffer: placeholderPdf(title, size),
  });
  await page.getByLabel(/Pubblicabile/).check();
  await save("Carica");
}

describe("a project manager records Santa Margherita Ligure's 1.4.1 history", () => {
  it("enters every step and the four PDFs, and the project page tells the story in order", async () => {
    await page.goto(`${app.url}/comuni/${comuneId(app, "Santa Margherita Ligure")}`);
    await page.getByRole("link", { name: "Registra una nuova candidatura 1.4.1" }).click();
    await page
      .getByLabel("Avviso")
      .selectOption({ label: "1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022" });
    await page.getByLabel("Data di invio della candidatura").fill("2022-09-24");
    await expect(page.getByLabel("Fascia di popolazione").inputValue()).resolves.toBe("2");
    for (const service of [21, 16, 20, 13])
      await page.locator(`input[name=servizioIds][value="${service}"]`).check();
    // The amount is not typed: band × services, shown before saving.
    await page.getByRole("button", { name: "Calcola l'importo" }).click();
    await expect(page.locator(".candidatura-amount").textContent()).resolves.toContain(
      "€ 155.234,00",
    );
    await save("Registra la candidatura");

    await page.getByRole("link", { name: "Registra il decreto" }).click();
    await page.getByLabel("Numero del decreto").fill("135 - 1 / 2022");
    await page.getByLabel("Data del decreto").fill("2023-01-03");
    await page.getByLabel("Data di notifica al comune").fill("2023-01-23");
    await page.getByLabel("CUP").fill("G51F22003070006");
    await save("Salva il decreto");

    await page.getByRole("link", { name: "Aggiungi un'istanza di modifica" }).click();
    await page.getByLabel("Tipo di istanza").selectOption("sostituzione-servizi");
    await page.getByLabel("Data di invio").fill("2023-05-22");
    await page.getByLabel("Motivo").fill("Le assunzioni passano dal portale nazionale inPA");
    await page
      .getByRole("group", { name: "Servizi da togliere" })
      .getByLabel(/concorso pubblico/)
      .check();
    await page
      .getByRole("group", { name: "Servizi da aggiungere" })
      .getByLabel(/accesso agli atti/)
      .check();
    await page.getByLabel("Esito", { exact: true }).selectOption("accolta");
    await page.getByLabel("Data dell'esito").fill("2023-06-15");
    await save("Salva l'istanza");

    await page.getByRole("link", { name: "Aggiungi una determina" }).click();
    await page.getByLabel("Numero della determina").fill("922");
    await page.getByLabel("Data della determina").fill("2023-08-23");
    await page.getByLabel("Fornitore", { exact: true }).fill("C&C Sistemi Srl");
    await save("Salva la determina");

    await upload("Candidatura inviata", "Candidatura", "candidatura.pdf", 113_428);
    await upload(
      "Decreto di finanziamento n. 135 - 1 / 2022",
      "Decreto di finanziamento",
      "decreto.pdf",
      879_145,
    );
    await upload(
      "Istanza di modifica: sostituzione di servizi",
      "Istanza di modifica",
      "istanza.pdf",
      579_953,
    );
    await upload(
      "Determina di affidamento n. 922",
      "Determina n. 922",
      "determina-922.pdf",
      278_702,
    );

    const facts = await page.locator("dl.facts").first().textContent();
    expect(facts).toContain("G51F22003070006");
    expect(facts).toContain("€ 155.234,00");
    const services = await page.locator("dl.facts ul li").allInnerTexts();
    expect(services).toEqual([
      "Pagare contravvenzioni",
      "Richiedere iscrizione al trasporto scolastico",
      "Richiedere iscrizione all'asilo nido",
      "Richiedere l'accesso agli atti",
    ]);

    // innerText keeps the line breaks between a step's date, title and details.
    const entries = await page.locator("ol.timeline > li").allInnerTexts();
    const heads = entries.map((e) =>
      e
        .split("\n")
        .filter((line) => line.trim())
        .slice(0, 2)
        .join(" "),
    );
    expect(heads).toEqual([
      "24/09/2022 Candidatura inviata",
      "03/01/2023 Decreto di finanziamento n. 135 - 1 / 2022",
      "23/01/2023 Notifica del decreto al comune",
      "22/05/2023 Istanza di modifica: sostituzione di servizi",
      "23/08/2023 Determina di affidamento n. 922",
    ]);
    expect(entries[0]).toContain("Candidatura Allegato 110,77 KB formato pdf");
    expect(entries[1]).toContain("Decreto di finanziamento Allegato 858,54 KB formato pdf");
    expect(entries[3]).toContain("Sostituisce «concorso pubblico» con «accesso agli atti»");
    expect(entries[3]).toContain("Istanza di modifica Allegato 566,36 KB formato pdf");
    expect(entries[4]).toContain("Fornitore: C&C Sistemi Srl");
    expect(entries[4]).toContain("Determina n. 922 Allegato 272,17 KB formato pdf");

    const deadlines = await page.locator("h2:has-text('Scadenze') + ul").textContent();
    expect(deadlines).toContain("Contrattualizzazione fornitore: entro il 20/10/2023");
    expect(deadlines).toContain("Completamento attività: entro il 17/08/2024");

    // The download is the very file uploaded, as an attachment.
    const link = page.getByRole("link", { name: "Determina n. 922", exact: true });
    const response = await page.request.get(
      new URL((await link.getAttribute("href")) ?? "", app.url).href,
    );
    expect(response.headers()["content-disposition"]).toBe(
      "attachment; filename=\"determina-922.pdf\"; filename*=UTF-8''determina-922.pdf",
    );
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).equals(placeholderPdf("Determina n. 922", 278_702))).toBe(true);

    const audit = query<{ entity: string; n: number }>(
      app,
      "select entity, count(*) n from audit_log where actor = 'editor@cruscotto.example' group by entity order by entity",
    );
    expect(audit).toEqual([
      { entity: "decreto", n: 1 },
      { entity: "determina", n: 1 },
      { entity: "documento", n: 4 },
      { entity: "istanza_modifica", n: 1 },
      { entity: "progetto", n: 2 },
    ]);
  });
});
