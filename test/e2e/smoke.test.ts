import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";

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
  it("lists the seeded progetti with Italian amounts and deadline states", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
    });
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
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
