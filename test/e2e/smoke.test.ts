import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decreto, progetto } from "../../db/schema";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { demoAccount, get, query, signInAs } from "../support/http";
import { parseIcs, prop } from "../support/ics";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({
    today: "2026-11-22",
    // Cesena's notification date, so the Unione's calendar has deadlines to show.
    prepare: (db) => {
      const cesena = db
        .select({ id: progetto.id })
        .from(progetto)
        .where(eq(progetto.cup, "D11F22000360006"))
        .get();
      db.update(decreto)
        .set({ notifiedOn: "2022-09-05" })
        .where(eq(decreto.progettoId, cesena?.id ?? 0))
        .run();
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the home page in a real browser", () => {
  it("shows a visitor the public comuni with a way in for staff, then lists the seeded progetti with Italian amounts and deadlines", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
    });
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe("/attuazione");
    await page.getByRole("link", { name: "Accesso per il personale" }).click();
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

    // A heading row and the demo's 24 progetti (11 of them in the invented Unione).
    await expect(page.getByRole("row").count()).resolves.toBe(25);
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
    // Five steps and the contract, which the contract deadline is about.
    await expect(page.locator("figure.chart g.milestone").count()).resolves.toBe(6);
    const rows = await page
      .getByRole("table", { name: /alternativa testuale/ })
      .getByRole("row")
      .allTextContents();
    expect(rows).toContain("23/08/2023Determina di affidamento n. 922—");
    expect(rows).toContain("23/08/2023Contratto con il fornitore—");
    expect(rows).toContain("23/01/2023 – 20/10/2023Finestra per contrattualizzareRispettata");
    expect(problems).toEqual([]);
  });
});

describe("the Scadenze page", () => {
  it("lists the open deadlines soonest first in a browser, filters them, and exports them", async () => {
    const cookie = await signInAs(app, "admin");
    const page = await browser.newPage();
    const [name, value] = cookie.split("=") as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);
    await page.goto(`${app.url}/scadenze`);
    const rows = await page.locator("table tbody tr").allTextContents();
    expect(rows[0]).toContain("02/06/2023");
    expect(rows[0]).toContain("Cesena · Unione dei Comuni Valle del Savio");
    const borgo = rows.find((r) => r.includes("Borgo Esempio"));
    expect(borgo).toContain("02/11/2026");
    expect(borgo).toContain("Scaduta da 20 giorni");
    expect(
      rows.some((r) => r.includes("Castel Prova") && r.includes("prorogata; era 12/11/2026")),
    ).toBe(true);

    await page.getByLabel("Stato").selectOption("at-risk");
    await page.getByRole("button", { name: "Filtra" }).click();
    // The URL changes before the new rows arrive: wait for the table itself.
    await page.locator("table caption", { hasText: /^1 scadenze aperte/ }).waitFor();
    const atRisk = await page.locator("table tbody tr").allTextContents();
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]).toContain("A rischio (20 giorni rimasti)");

    const bytes = Buffer.from(
      await (await get(app, "/scadenze.csv?stato=overdue", cookie)).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("Comune;Unione;CUP;Scadenza;Entro il")).toBe(true);
    expect(csv).toContain(
      "Borgo Esempio;;Z99F22000010006;Contrattualizzazione fornitore;02/11/2026;;no;Scaduta da 20 giorni",
    );
    expect(csv).not.toContain("Castel Prova");
  });

  it("shows an editor only the own comune's deadlines", async () => {
    const csv = await (await get(app, "/scadenze.csv", await signInAs(app, "editor"))).text();
    const comuni = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(";")[0]);
    expect(new Set(comuni)).toEqual(new Set(["Santa Margherita Ligure"]));
  });
});

describe("the calendar feeds", () => {
  it("serve a coordinatore's Unione deadlines at a secret URL, with the same UIDs on every download", async () => {
    const cookie = await signInAs(app, "coordinatore");
    const html = await (await get(app, "/scadenze", cookie)).text();
    const feedUrl = /(http:\/\/[^<\s]+\/unioni\/\d+\.ics)/.exec(html)?.[1];
    expect(feedUrl).toBeDefined();
    const download = async () => {
      const response = await fetch(feedUrl ?? "");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      return parseIcs(await response.text());
    };
    const first = await download();
    const second = await download();
    expect(prop(first, "X-WR-CALNAME")).toBe("Scadenze PNRR – Unione dei Comuni Valle del Savio");
    expect(second.children.map((e) => prop(e, "UID"))).toEqual(
      first.children.map((e) => prop(e, "UID")),
    );
    expect(first.children.map((e) => [prop(e, "DTSTART"), prop(e, "SUMMARY")])).toEqual([
      ["20230602", "PNRR 1.4.1 – Contrattualizzazione fornitore: Comune di Cesena"],
      ["20240527", "PNRR 1.4.1 – Completamento attività: Comune di Cesena"],
    ]);
  });

  it("refuse a wrong key and a comune outside the user's scope", async () => {
    const cookie = await signInAs(app, "editor");
    const html = await (await get(app, "/scadenze", cookie)).text();
    const feedUrl = /(http:\/\/[^<\s]+\/comuni\/(\d+)\.ics)/.exec(html)?.[1] ?? "";
    const own = await fetch(feedUrl);
    expect(own.status).toBe(200);
    expect(parseIcs(await own.text()).children.map((e) => prop(e, "SUMMARY"))).toEqual([
      "PNRR 1.4.1 – Contrattualizzazione fornitore: Comune di Santa Margherita Ligure",
      "PNRR 1.4.1 – Completamento attività: Comune di Santa Margherita Ligure",
    ]);
    const pisa = query<{ id: number }>(app, "select id from comune where name = 'Pisa'")[0]?.id;
    expect((await fetch(feedUrl.replace(/comuni\/\d+/, `comuni/${pisa}`))).status).toBe(404);
    expect(
      (await fetch(feedUrl.replace(/-[A-Za-z0-9_-]{32}\//, `-${"x".repeat(32)}/`))).status,
    ).toBe(404);
  });
});

describe("the reconciliation with the official data", () => {
  it("shows the Valle del Savio total, official € 878.394 against a typed € 878.374, and where it comes from", async () => {
    const cookie = await signInAs(app, "coordinatore");
    const page = await browser.newPage();
    const [name, value] = cookie.split("=") as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);
    await page.goto(`${app.url}/riconciliazione`);
    const totals = await page
      .getByRole("table", { name: "Totali per Unione" })
      .getByRole("row")
      .allTextContents();
    expect(totals[1]).toBe("Unione dei Comuni Valle del Savio€ 878.394,00€ 878.374,00-€ 20,00");
    const issues = await page
      .getByRole("table", { name: /Differenze/ })
      .getByRole("row")
      .allTextContents();
    expect(issues.slice(1)).toEqual([
      "VergheretoH81F22000620006sì1 / 1Importo della candidatura: € 79.922,00 → € 79.902,00",
    ]);
    const csv = await (await get(app, "/riconciliazione.csv", cookie)).text();
    expect(csv).toContain(
      "Verghereto;Unione dei Comuni Valle del Savio;H81F22000620006;€ 79.922,00;€ 79.902,00;sì;1;1;",
    );
  });
});
