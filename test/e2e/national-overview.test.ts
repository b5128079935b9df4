import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEuro, formatInteger } from "~/domain/format";
import { importOfficialFile } from "~/opendata/import.server";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { query } from "../support/http";
import { SHARED_DIR } from "../support/shared";

const SAMPLE = path.join(SHARED_DIR, "data/padigitale2026/candidature_finanziate_141_sample.csv");

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp({
    prepare: (db) => {
      importOfficialFile(db, SAMPLE, { skipInvalid: false, dryRun: false });
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the national overview in a real browser", () => {
  it("shows the totals, the regions, and drills down to a region's comuni", async () => {
    const { page, errors } = await signedInPage(browser, app, "admin");
    await page.goto(`${app.url}/nazionale`);

    const [expected] = query<{ n: number; cents: number }>(
      app,
      "select count(*) n, sum(official_amount_cents) cents from progetto where official_state in ('A', 'E', 'R') and beneficiary_kind = 'comune'",
    );
    // By default the comuni's own progetti, and the page says so.
    expect(await page.locator("#enti-contati").textContent()).toContain(
      "Sono contati i soli progetti dei comuni",
    );
    const totals = (await page.locator("dl.totals").textContent()) ?? "";
    expect(totals).toContain(formatInteger(expected?.n ?? 0));
    expect(totals).toContain(formatEuro(expected?.cents ?? 0));

    const [toscana] = query<{ n: number; cents: number }>(
      app,
      "select count(*) n, sum(p.official_amount_cents) cents from progetto p join comune c on c.id = p.comune_id where c.regione = 'Toscana' and p.official_state in ('A', 'E', 'R') and p.beneficiary_kind = 'comune'",
    );
    const row = page.getByRole("row", { name: /^Toscana/ });
    await expect(row.textContent()).resolves.toContain(
      `${formatInteger(toscana?.n ?? 0)} · ${formatEuro(toscana?.cents ?? 0)}`,
    );
    // Each chart is drawn as SVG on the server, next to its table.
    expect(await page.locator("figure.chart svg.recharts-surface").count()).toBe(3);

    await page.getByRole("combobox", { name: "Regione", exact: true }).selectOption("Toscana");
    await page.getByRole("button", { name: "Filtra" }).click();
    await page.getByRole("heading", { name: /^Comuni di Toscana/ }).waitFor();
    await page.getByRole("link", { name: "Pisa", exact: true }).click();
    await page.getByRole("heading", { name: /Pisa/ }).first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/comuni\/\d+$/);
    expect(errors).toEqual([]);
  });
});
