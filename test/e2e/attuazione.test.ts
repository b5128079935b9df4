import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { get, post, query, signInAs } from "../support/http";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

let app: RunningApp;
let browser: Browser;
let istat: string;
let smlId: number;

beforeAll(async () => {
  app = await startApp({
    prepare: (db) => {
      // Private things that must never reach the public pages.
      const sqlite = db.$client;
      const sml = sqlite
        .prepare(
          "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
        )
        .get() as { id: number };
      sqlite
        .prepare("update progetto set notes = 'Nota riservata del RUP' where id = ?")
        .run(sml.id);
      sqlite
        .prepare(
          "update istanza_modifica set reason = 'Motivo interno riservato' where progetto_id = ?",
        )
        .run(sml.id);
      sqlite
        .prepare(
          `insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable, uploaded_at)
           values (?, 'altro', 'Bozza interna non pubblicabile', 'bozza.pdf', ?, 1234, 'application/pdf', 0, '2024-01-10T10:00:00.000Z')`,
        )
        .run(sml.id, "0".repeat(64));
    },
  });
  browser = await launchBrowser();
  const row = query<{ istat: string; id: number }>(
    app,
    "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' and p.beneficiary_kind = 'comune'",
  )[0];
  istat = row?.istat ?? "";
  smlId = row?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as { violations: { id: string; nodes: { html: string }[] }[] };
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
  });
  return violations;
}

describe("the public project page of Santa Margherita Ligure", () => {
  it("shows the facts, the substitution, the determina and exactly the published documents, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${app.url}/attuazione/${istat}/progetti/${smlId}`);
    expect(response?.status()).toBe(200);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("€ 155.234,00");
    expect(text).toContain("G51F22003070006");
    expect(text).toContain("Decreto di finanziamento n. 135");
    expect(text).toContain(
      "«Presentare domanda di partecipazione ad un concorso pubblico» sostituito da «Richiedere l'accesso agli atti»",
    );
    expect(text).toContain("Determina di affidamento n. 922");
    expect(text).toContain("Fornitore: C&C Sistemi Srl");
    expect(text).toContain("Unione europea – NextGenerationEU");
    const documents = await page.locator("#documenti ~ ul > li").allTextContents();
    expect(documents.map((d) => d.replace(/\s+/g, " ").trim())).toEqual([
      expect.stringMatching(/^CandidaturaPubblicato il .*Allegato 110,77 KB formato pdf$/),
      expect.stringMatching(
        /^Decreto di finanziamentoPubblicato .*Allegato 858,54 KB formato pdf$/,
      ),
      expect.stringMatching(/^Istanza di modificaPubblicato .*Allegato 566,36 KB formato pdf$/),
      expect.stringMatching(/^Determina n. 922Pubblicato .*Allegato 272,17 KB formato pdf$/),
    ]);
    const html = await page.content();
    for (const secret of ["Nota riservata", "Motivo interno", "Bozza interna"])
      expect(html).not.toContain(secret);
    // No script runs on the public pages: the only one is the JSON-LD description.
    expect(await page.locator("script:not([type='application/ld+json'])").count()).toBe(0);
    expect(await page.locator(".breadcrumb-item").allTextContents()).toEqual([
      "Home/",
      "Attuazione misure PNRR/",
      expect.stringContaining("Esperienza del cittadino"),
    ]);
    await context.close();
  });

  it("describes the grant in schema.org JSON-LD", async () => {
    const html = await (await get(app, `/attuazione/${istat}/progetti/${smlId}`, null)).text();
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
    expect(JSON.parse(json)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "MonetaryGrant",
      identifier: { propertyID: "CUP", value: "G51F22003070006" },
      amount: { currency: "EUR", value: "155234.00" },
      funder: { name: "Unione europea – NextGenerationEU" },
    });
  });

  it("has no WCAG 2.1 A/AA violations on the comune page, the project page and the embed", async () => {
    // axe is injected as a script, which the pages' Content-Security-Policy would refuse.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    for (const path of [
      `/attuazione/${istat}`,
      `/attuazione/${istat}/progetti/${smlId}`,
      `/attuazione/${istat}/progetti/${smlId}?embed=1`,
    ]) {
      await page.goto(app.url + path);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});

describe("the look of the Designers Italia model", () => {
  it("links Bootstrap Italia and the Titillium Web font from our own origin", async () => {
    const html = await (await get(app, `/attuazione/${istat}`, null)).text();
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.every((h) => h?.startsWith("/"))).toBe(true);
    const css = await Promise.all(hrefs.map(async (h) => (await get(app, h ?? "", null)).text()));
    // The marker a site check looks for (minified, in either quotes).
    expect(css.join("\n")).toMatch(/--bootstrap-italia-version:\s*["']2\.18\.3["']/);
    const font = /url\("?([^")]+titillium[^")]+regular\.woff2)"?\)/.exec(css.join("\n"))?.[1] ?? "";
    const fontResponse = await get(app, font, null);
    expect(fontResponse.status).toBe(200);
    expect(fontResponse.headers.get("cache-control")).toContain("immutable");
  });
});

describe("the public data and its caching", () => {
  it("serves JSON and CSV of the same data, and the published documents only", async () => {
    const json = (await (await get(app, `/attuazione/${istat}/dati.json`, null)).json()) as {
      progetti: { cup: string; amountCents: number }[];
    };
    expect(json.progetti).toContainEqual(
      expect.objectContaining({ cup: "G51F22003070006", amountCents: 15_523_400 }),
    );
    const csv = await (await get(app, `/attuazione/${istat}/dati.csv`, null)).text();
    expect(csv.split("\r\n")[0]).toBe("codice_istat,comune,misura,titolo,cup,importo_euro,stato");
    expect(csv).toContain("G51F22003070006,155234.00,");
    const project = await (
      await get(app, `/attuazione/${istat}/progetti/${smlId}/dati.json`, null)
    ).text();
    expect(project).toContain("C&C Sistemi Srl");
    expect(project).not.toContain("Nota riservata");

    const ids = query<{ id: number; publishable: number }>(
      app,
      "select id, publishable from documento where progetto_id = ? order by id",
      smlId,
    );
    const published = ids.find((d) => d.publishable === 1);
    const hidden = ids.find((d) => d.publishable === 0);
    const download = await get(
      app,
      `/attuazione/${istat}/progetti/${smlId}/documenti/${published?.id}`,
      null,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(
      (await get(app, `/attuazione/${istat}/progetti/${smlId}/documenti/${hidden?.id}`, null))
        .status,
    ).toBe(404);
  });

  it("answers 304 to a conditional request until the data changes", async () => {
    const path = `/attuazione/${istat}/progetti/${smlId}`;
    const first = await get(app, path, null);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toContain("public");
    expect(first.headers.get("last-modified")).not.toBeNull();
    const again = await fetch(app.url + path, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    // An editor records something: the page is new again.
    const cookie = await signInAs(app, "admin");
    const changed = await post(
      app,
      `/comuni/${query<{ id: number }>(app, "select comune_id id from progetto where id = ?", smlId)[0]?.id}`,
      { population: "9.709", populationDate: "2021-01-01" },
      cookie,
    );
    expect(changed.status).toBeLessThan(400);
    const after = await fetch(app.url + path, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });
});
