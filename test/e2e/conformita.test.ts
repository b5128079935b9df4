import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { query } from "../support/http";

let app: RunningApp;
let browser: Browser;
let site: Server;
let siteUrl: string;
let progettoId: number;

beforeAll(async () => {
  // A comune site that links the FAQ but nothing else the validator looks for.
  site = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      '<!doctype html><html><head><title>Comune</title></head><body><footer><a data-element="faq" href="/faq">FAQ</a></footer></body></html>',
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  app = await startApp({ env: { CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE: "true" } });
  browser = await launchBrowser();
  progettoId =
    query<{ id: number }>(
      app,
      "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
    )[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  site?.close();
});

describe("the conformity checklist in a real browser", () => {
  it("changes the readiness summary as criteria are set, and keeps them against the automatic checks", async () => {
    const { page, errors } = await signedInPage(browser, app, "editor");
    await page.goto(`${app.url}/progetti/${progettoId}/conformita`);
    const summary = page.locator("#prontezza");
    await expect(summary.textContent()).resolves.toContain("Non pronto: 0 su 92 a posto");

    await page.getByLabel("Indirizzo del sito comunale").fill(siteUrl);
    await page.getByLabel("Stato di C.SI.2.3").selectOption("conforme");
    await page.getByLabel("Stato di C.SI.3.3").selectOption("non-conforme");
    await page.getByLabel("Nota su C.SI.3.3").fill("Manca il link nel footer");
    await page.getByRole("button", { name: "Salva la checklist" }).click();
    await page.getByText("Checklist salvata.").waitFor();
    // The summary follows once the page's data is reloaded after the save.
    await page.locator("#prontezza", { hasText: "1 non conformi" }).waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Non pronto: 1 su 92 a posto, 1 non conformi, 90 da verificare");

    // The automatic check adds evidence and a proposal; what the editor set stays.
    await page.getByRole("button", { name: "Verifica automatica del sito" }).click();
    await page.getByText(/^Verifica automatica registrata/).waitFor();
    await page.getByText("Proposta: conforme").first().waitFor();
    const privacy = page.getByRole("row", { name: /C\.SI\.3\.3/ });
    await expect(privacy.textContent()).resolves.toContain(
      'Proposta: non conformeNessun link con data-element="privacy-policy-link"',
    );
    const faq = page.getByRole("row", { name: /C\.SI\.2\.3/ });
    await expect(faq.textContent()).resolves.toContain("Proposta: conforme");
    await expect(page.getByLabel("Stato di C.SI.3.3").inputValue()).resolves.toBe("non-conforme");
    const stored = query<{ status: string; set_by: string }>(
      app,
      "select status, set_by from conformita where progetto_id = ? and criterion = 'C.SI.3.3'",
      progettoId,
    );
    expect(stored).toEqual([{ status: "non-conforme", set_by: "editor@cruscotto.example" }]);
    expect(errors).toEqual([]);
  });
});
