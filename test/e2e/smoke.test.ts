import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { demoAccount } from "../support/http";

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
