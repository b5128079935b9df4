/**
 * A whole grant from candidatura to erogazione as an editor in a real browser (issue 19),
 * following the progetto page's "Prossimo passo" button at each step. Counts the clicks
 * (links, buttons, boxes, choices in a list), the fields typed and the form submissions;
 * the figures are in docs/performance.md.
 */
import { eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progetto } from "../../db/schema";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { comuneId, query } from "../support/http";

let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];
const count = { clicks: 0, typed: 0, submissions: 0 };

beforeAll(async () => {
  // Santa Margherita Ligure without its demo progetto: the grant is entered from scratch.
  app = await startApp({
    prepare: (db) => db.delete(progetto).where(eq(progetto.cup, "G51F22003070006")).run(),
  });
  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser, app, "editor"));
  // A form submission is a POST that loads a page.
  page.on("request", (r) => {
    if (r.method() === "POST" && r.isNavigationRequest()) count.submissions++;
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function click(target: Locator) {
  count.clicks++;
  await target.click();
  await page.waitForLoadState("load");
}
async function check(target: Locator) {
  count.clicks++;
  await target.check();
}
async function choose(label: string, option: string) {
  count.clicks++;
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}
async function type(target: Locator, value: string) {
  count.typed++;
  await target.fill(value);
}
const field = (label: string) => page.getByLabel(label, { exact: true });
const nextStep = () => page.locator("section[aria-labelledby=prossimo-passo]");

/** On the progetto page: the step it names, then its one button. */
async function follow(what: string, who: RegExp, button: string) {
  const text = (await nextStep().textContent()) ?? "";
  expect(text).toContain(what);
  expect(text).toMatch(who);
  await click(nextStep().getByRole("link", { name: button }));
}

async function saveAndBack(button = "Salva") {
  await click(page.getByRole("button", { name: button, exact: true }));
  await page.getByRole("status").filter({ hasText: "Salvato." }).waitFor();
}

describe("a grant from candidatura to erogazione", () => {
  it("takes at most 35 clicks and 10 submissions, guided by the next step", async () => {
    await page.goto(`${app.url}/comuni/${comuneId(app, "Santa Margherita Ligure")}`);

    await click(page.getByRole("link", { name: "Registra una nuova candidatura 1.4.1" }));
    await choose("Avviso", "1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022");
    await type(field("Data di invio della candidatura"), "2022-09-24");
    for (const service of [21, 16, 20, 13])
      await check(page.locator(`input[name=servizioIds][value="${service}"]`));
    await click(page.getByRole("button", { name: "Registra la candidatura" }));

    await follow("Decreto di finanziamento", /Dipartimento/, "Registra il decreto");
    await type(field("Numero del decreto"), "135 - 1 / 2022");
    await type(field("Data del decreto"), "2023-01-03");
    await type(field("Data di notifica al comune"), "2023-01-23");
    await type(field("CUP"), "G51F22003070006");
    await saveAndBack("Salva il decreto");

    await follow("Contrattualizzare il fornitore", /Comune \(RUP\)/, "Aggiungi una determina");
    await type(field("Numero della determina"), "922");
    await type(field("Data della determina"), "2023-08-23");
    await type(field("Fornitore"), "C&C Sistemi Srl");
    await saveAndBack("Salva la determina");

    await follow("Completare le attività", /Comune \(RUP\)/, "Registra il completamento");
    await type(field("Sito del comune online il"), "2024-06-03");
    const services = page.getByRole("group", { name: "Servizi online" }).locator("input");
    expect(await services.count()).toBe(4);
    for (const input of await services.all()) await type(input, "2024-06-10");
    await type(field("Checklist di conformità inviata il"), "2024-06-20");
    await type(field("Richiesta di completamento inviata il"), "2024-07-15");
    await saveAndBack("Salva il completamento");

    await follow("Asseverazione", /asseveratore/, "Registra l'esito dell'asseverazione");
    await type(field("Data dell'esito"), "2024-10-01");
    await choose("Esito dell'asseverazione", "Positiva");
    // The checklist of this grant is not filled in here: the asseverazione asks to confirm.
    await click(page.getByRole("button", { name: "Salva", exact: true }));
    await check(page.getByLabel(/^Confermo: /));
    await saveAndBack();

    await follow("certificato di regolare esecuzione", /Comune \(RUP\)/, "Registra il CRE");
    await type(field("Data della firma del RUP"), "2024-10-10");
    await saveAndBack();

    await follow(
      "Richiedere l'erogazione",
      /Comune \(RUP\)/,
      "Registra la richiesta di erogazione",
    );
    await type(field("Data di invio"), "2024-10-12");
    await saveAndBack();

    await follow("erogazione del contributo", /Dipartimento/, "Registra l'erogazione");
    await type(field("Data dell'erogazione"), "2024-12-10");
    await type(field("Importo erogato (€)"), "155.234,00");
    await saveAndBack();

    // Paid: the page says so, and the next step is the upkeep.
    await expect(page.locator("dl.facts").first().textContent()).resolves.toContain("Erogato");
    await expect(nextStep().textContent()).resolves.toContain(
      "dichiarazione di mantenimento per il 2025",
    );
    const [stored] = query<{ amount: number }>(
      app,
      "select amount_requested_cents as amount from progetto where cup = 'G51F22003070006'",
    );
    // The amount was never typed: band 2 with four services.
    expect(stored?.amount).toBe(155_234_00);

    console.log(
      `grant journey: ${count.clicks} clicks, ${count.typed} typed fields, ${count.submissions} submissions`,
    );
    expect(count.clicks).toBeLessThanOrEqual(35);
    expect(count.submissions).toBeLessThanOrEqual(10);
    expect(errors).toEqual([]);
  }, 60_000);
});
