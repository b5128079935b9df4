import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { demoAccount, get, query, signInAs } from "../support/http";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ today: "2026-11-22" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the home page in a real browser", () => {
  it("sends a visitor to sign in, then lists the seeded progetti with Italian amounts and deadlines", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
    });
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe("/accedi");

    const admin = demoAccount("admin");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.getByRole("heading", { name: "Progetti PNRR" }).waitFor();
    await expect(page.title()).resolves.toBe("Progetti PNRR · Cruscotto PNRR");

    const sml = page.getByRole("row", { name: /Santa Margherita Ligure/ });
    await expect(sml.textContent()).resolves.toContain("G51F22003070006");
    await expect(sml.textContent()).resolves.toContain("€ 155.234,00");
    await expect(sml.textContent()).resolves.toContain(
      "Completamento attività entro il 17/08/2024",
    );

    const borgo = page.getByRole("row", { name: /Borgo Esempio/ });
    await expect(borgo.textContent()).resolves.toContain("dimostrativo");
    await expect(borgo.textContent()).resolves.toContain("Scaduta da 20 giorni");

    await expect(page.getByRole("row").count()).resolves.toBe(14);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});

describe("the project page's milestone chart", () => {
  it("is in the server's HTML and hydrates without warnings, with its table alternative", async () => {
    const cookie = await signInAs(app, "admin");
    const [sml] = query<{ id: number }>(
      app,
      "select id from progetto where cup = 'G51F22003070006'",
    );
    const html = await (await get(app, `/progetti/${sml?.id}`, cookie)).text();
    expect(html).toMatch(/<svg[^>]*class="recharts-surface"/);
    expect(html).toContain("Tappe e finestre di scadenza (alternativa testuale al grafico)");

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    const [name, value] = cookie.split("=") as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);
    await page.goto(`${app.url}/progetti/${sml?.id}`);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("figure.chart svg.recharts-surface").count()).resolves.toBe(1);
    await expect(page.locator("figure.chart g.milestone").count()).resolves.toBe(5);
    const rows = await page
      .getByRole("table", { name: /alternativa testuale/ })
      .getByRole("row")
      .allTextContents();
    expect(rows).toContain("23/08/2023Determina di affidamento n. 922—");
    expect(rows).toContain("23/01/2023 – 20/10/2023Finestra per contrattualizzare—");
    expect(problems).toEqual([]);
  });
});
