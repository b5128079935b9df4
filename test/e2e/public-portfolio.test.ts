/**
 * The public side of a comune's whole PNRR portfolio (issues 18 and 19): every measure on the
 * "Attuazione misure PNRR" page with the states after payment and honest totals, the EU
 * emblem and funding line on every public page, the comune's own accessibility and privacy
 * links, breadcrumbs that lead somewhere, and `/` for a citizen: the comuni with a public page.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { comuneId, get, pageText, post, query, signInAs } from "../support/http";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

const SML = "Santa Margherita Ligure";
const CUP_141 = "G51F22003070006";
const CUP_144 = "G51F22003090006";
const CUP_143 = "G51F22003100006";
const CUP_12 = "G51F22003110006";
/** Fictional comuni with a progetto each, so the list of comuni needs a second page. */
const EXTRA_COMUNI = 60;

let app: RunningApp;
let istat: string;
let sml: number;
let ids: { p141: number; p144: number; p143: number; p12: number };

beforeAll(async () => {
  app = await startApp({
    prepare: (db) => {
      const sqlite = db.$client;
      const one = <T>(sql: string, ...p: unknown[]) => sqlite.prepare(sql).get(...p) as T;
      const run = (sql: string, ...p: unknown[]) =>
        Number(sqlite.prepare(sql).run(...p).lastInsertRowid);
      const c = one<{ id: number }>("select id from comune where name = ?", SML);
      const p141 = one<{ title: string }>("select title from progetto where cup = ?", CUP_141);
      const avviso = (title: string, misura: string) =>
        run(
          "insert into avviso (title, misura, target, window_label) values (?, ?, 'Comuni', 'Aprile 2022')",
          title,
          misura,
        );
      const progetto = (
        misura: string,
        title: string,
        cup: string,
        avvisoId: number,
        cents: number,
      ) =>
        run(
          `insert into progetto (comune_id, avviso_id, misura, title, cup, beneficiary_name, official_state, official_amount_cents)
           values (?, ?, ?, ?, ?, 'Comune di Santa Margherita Ligure', 'A', ?)`,
          c.id,
          avvisoId,
          misura,
          title,
          cup,
          cents,
        );
      // The same title as the 1.4.1 progetto: only the measure, avviso and CUP tell them apart.
      progetto(
        "1.4.4",
        p141.title,
        CUP_144,
        avviso("1.4.4 Adozione identità digitale - Comuni - Aprile 2022", "1.4.4"),
        1_404_100,
      );
      const paid = progetto(
        "1.4.3",
        "Adozione piattaforma pagoPA - Comune di Santa Margherita Ligure",
        CUP_143,
        avviso("1.4.3 Adozione piattaforma pagoPA - Comuni - Aprile 2022", "1.4.3"),
        2_000_000,
      );
      run(
        "insert into evento (progetto_id, kind, occurred_on, outcome) values (?, 'asseverazione', '2025-05-02', 'positiva')",
        paid,
      );
      run(
        "insert into evento (progetto_id, kind, occurred_on, amount_cents) values (?, 'erogazione', '2025-06-10', 2000000)",
        paid,
      );
      const renounced = progetto(
        "1.2",
        "Migrazione al cloud - Comune di Santa Margherita Ligure",
        CUP_12,
        avviso("1.2 Abilitazione al cloud - Comuni - Aprile 2022", "1.2"),
        5_000_000,
      );
      run(
        "insert into evento (progetto_id, kind, occurred_on) values (?, 'rinuncia', '2023-06-05')",
        renounced,
      );
      // A comune without progetti has no page worth listing; one without ISTAT code has none.
      run(
        "insert into comune (name, codice_istat, provincia, fictional) values ('Borgo Senza Progetti', '999900', 'XX', 1)",
      );
      for (let i = 1; i <= EXTRA_COMUNI; i++) {
        const n = String(i).padStart(2, "0");
        const id = run(
          "insert into comune (name, codice_istat, provincia, fictional) values (?, ?, 'XX', 1)",
          `Paese di Prova ${n}`,
          `9991${n}`,
        );
        run(
          "insert into progetto (comune_id, misura, title, beneficiary_name) values (?, '1.4.1', 'Progetto di prova', ?)",
          id,
          `Comune di Paese di Prova ${n}`,
        );
      }
    },
  });
  sml = comuneId(app, SML);
  istat = query<{ istat: string }>(
    app,
    "select codice_istat istat from comune where id = ?",
    sml,
  )[0]?.istat as string;
  const byCup = (cup: string) =>
    query<{ id: number }>(app, "select id from progetto where cup = ?", cup)[0]?.id as number;
  ids = { p141: byCup(CUP_141), p144: byCup(CUP_144), p143: byCup(CUP_143), p12: byCup(CUP_12) };
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const html = async (path: string) => {
  const response = await get(app, path, null);
  expect(response.status, path).toBe(200);
  return pageText(await response.text());
};
/** The text a reader sees, tags dropped and spaces collapsed. */
const textOf = (page: string) =>
  page
    .replace(/<(script|style)[^>]*>.*?<\/\1>/gs, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
/** The cards (articles) of the comune page, by the CUP they show. */
const cardsOf = (page: string) =>
  [...page.matchAll(/<article[^>]*>(.*?)<\/article>/gs)].map((m) => m[1] ?? "");

describe("the comune's Attuazione misure PNRR page", () => {
  it("lists every measure's progetti, grouped by measure, with the state after payment", async () => {
    const page = await html(`/attuazione/${istat}`);
    const headings = [...page.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].map((m) => textOf(m[1] ?? ""));
    expect(headings).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Misura 1.2 "),
        expect.stringContaining("Misura 1.4.1 "),
        expect.stringContaining("Misura 1.4.3 "),
        expect.stringContaining("Misura 1.4.4 "),
      ]),
    );
    const card = (cup: string) => textOf(cardsOf(page).find((c) => c.includes(cup)) ?? "");
    expect(card(CUP_143)).toContain("In mantenimento fino al 31/12/2030");
    expect(card(CUP_12)).toContain("Rinunciato");
  });

  it("tells apart two progetti with the same title by measure, avviso and CUP", async () => {
    const page = await html(`/attuazione/${istat}`);
    const cards = cardsOf(page).filter((c) => c.includes(CUP_141) || c.includes(CUP_144));
    expect(cards).toHaveLength(2);
    const [a, b] = cards.map(textOf);
    expect(a).toContain("1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022");
    expect(b).toContain("1.4.4 Adozione identità digitale - Comuni - Aprile 2022");
    // The links' names differ too: a screen reader's list of links is not two equal lines.
    const linkNames = cards.map((c) => textOf(/<a [^>]*>(.*?)<\/a>/s.exec(c)?.[1] ?? "").trim());
    expect(new Set(linkNames).size).toBe(2);
    // The progetto's own page says which measure and CUP it is about.
    const own = textOf(await html(`/attuazione/${istat}/progetti/${ids.p144}`));
    expect(own).toContain("1.4.4 Adozione identità digitale - Comuni - Aprile 2022");
    expect(own).toContain(CUP_144);
  });

  it("totals the grants without the renounced one, and says so", async () => {
    const text = textOf(await html(`/attuazione/${istat}`));
    // 155.234 (1.4.1) + 14.041 (1.4.4) + 20.000 (1.4.3); the 50.000 of 1.2 was renounced.
    expect(text).toContain("€ 189.275,00");
    expect(text).not.toContain("€ 239.275,00");
    expect(text).toMatch(/esclu[^.]*1 progetto rinunciato[^.]*€ 50\.000,00/i);
  });
});

describe("the publicity of the funding", () => {
  it("shows the EU emblem and «Finanziato dall'Unione europea – NextGenerationEU» on every public page", async () => {
    for (const path of [
      "/attuazione",
      `/attuazione/${istat}`,
      `/attuazione/${istat}?embed=1`,
      `/attuazione/${istat}/progetti/${ids.p141}`,
      `/attuazione/${istat}/progetti/${ids.p141}?embed=1`,
    ]) {
      const page = await html(path);
      expect(textOf(page), path).toContain("Finanziato dall'Unione europea – NextGenerationEU");
      const svg = /<svg[^>]*class="[^"]*eu-emblem[^"]*"[^>]*>(.*?)<\/svg>/s.exec(page);
      expect(svg, path).not.toBeNull();
      const emblem = svg?.[0] ?? "";
      // A blue rectangle with twelve gold five-pointed stars (ten corners each).
      expect(emblem).toMatch(/<rect[^>]*fill="#039"/i);
      const stars = [...emblem.matchAll(/<polygon[^>]*fill="#fc0"[^>]*points="([^"]+)"/gi)];
      expect(stars, path).toHaveLength(12);
      for (const star of stars) expect(star[1]?.trim().split(/\s+/)).toHaveLength(10);
      expect(emblem).toMatch(/<title[^>]*>Emblema dell'Unione europea<\/title>/);
    }
  });
});

describe("the footer's links and the breadcrumbs", () => {
  it("shows no accessibility or privacy link until the comune gives one, never AGID's search", async () => {
    const page = await html(`/attuazione/${istat}`);
    expect(page).not.toContain("form.agid.gov.it");
    expect(textOf(page)).not.toContain("Dichiarazione di accessibilità");
    expect(textOf(page)).not.toContain("Informativa privacy");
  });

  it("lets the comune's editor set both links, refuses what is not a web address, and shows them", async () => {
    const editor = await signInAs(app, "editor");
    const form = await (await get(app, `/comuni/${sml}`, editor)).text();
    expect(form).toContain('name="accessibilityUrl"');
    expect(form).toContain('name="privacyUrl"');

    const refused = await post(
      app,
      `/comuni/${sml}`,
      {
        intent: "collegamenti",
        accessibilityUrl: "javascript:alert(1)",
        privacyUrl: "https://www.comune.santa-margherita-ligure.ge.it/privacy",
      },
      editor,
    );
    // Answered as every refused form is: the page again, with the error next to the field.
    expect(refused.status).toBe(200);
    const refusedText = pageText(await refused.text());
    expect(refusedText).toContain("Inserire un indirizzo web completo");
    // What was typed comes back.
    expect(refusedText).toContain("https://www.comune.santa-margherita-ligure.ge.it/privacy");
    expect(
      query<{ a: string | null }>(
        app,
        "select accessibility_url a from comune where id = ?",
        sml,
      )[0]?.a,
    ).toBeNull();

    const accessibility = "https://form.agid.gov.it/view/12345678-aaaa-bbbb-cccc-1234567890ab";
    const privacy = "https://www.comune.santa-margherita-ligure.ge.it/privacy";
    const saved = await post(
      app,
      `/comuni/${sml}`,
      { intent: "collegamenti", accessibilityUrl: accessibility, privacyUrl: privacy },
      editor,
    );
    expect(saved.status).toBe(200);
    // The population form was not touched by this one.
    expect(
      query<{ n: number | null }>(app, "select population n from comune where id = ?", sml)[0]?.n,
    ).not.toBeNull();

    for (const path of [`/attuazione/${istat}`, `/attuazione/${istat}/progetti/${ids.p141}`]) {
      const page = await html(path);
      const footer = /<footer.*<\/footer>/s.exec(page)?.[0] ?? "";
      expect(footer, path).toMatch(
        new RegExp(`<a[^>]*href="${accessibility}"[^>]*>Dichiarazione di accessibilità</a>`),
      );
      expect(footer, path).toMatch(
        new RegExp(`<a[^>]*href="${privacy}"[^>]*>Informativa privacy</a>`),
      );
    }
    // Another comune's page keeps none.
    expect(textOf(await html("/attuazione/050026"))).not.toContain(
      "Dichiarazione di accessibilità",
    );

    // Emptied, they are gone.
    await post(
      app,
      `/comuni/${sml}`,
      { intent: "collegamenti", accessibilityUrl: "", privacyUrl: "" },
      editor,
    );
    expect(textOf(await html(`/attuazione/${istat}`))).not.toContain("Informativa privacy");
  });

  it("links every breadcrumb but the current page", async () => {
    const page = await html(`/attuazione/${istat}/progetti/${ids.p141}`);
    const nav = /<nav[^>]*class="breadcrumb-container"[^>]*>(.*?)<\/nav>/s.exec(page)?.[1] ?? "";
    const items = [...nav.matchAll(/<li[^>]*class="breadcrumb-item[^"]*"[^>]*>(.*?)<\/li>/gs)].map(
      (m) => m[1] ?? "",
    );
    expect(items.length).toBeGreaterThanOrEqual(3);
    const hrefs = items.slice(0, -1).map((i) => /<a [^>]*href="([^"]+)"/.exec(i)?.[1]);
    expect(hrefs).toEqual(["/attuazione", `/attuazione/${istat}`]);
    expect(items.at(-1)).not.toContain("<a ");
    for (const href of hrefs) expect((await get(app, href ?? "", null)).status).toBe(200);
  });
});

describe("the home page for a citizen", () => {
  it("sends an anonymous visitor of / to the list of comuni with a public page", async () => {
    const response = await get(app, "/", null);
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get("location")).toBe("/attuazione");
    const page = await html("/attuazione");
    // In alphabetical order: the first of the demo's comuni opens the list.
    expect(page).toMatch(/<a[^>]*href="\/attuazione\/040001"[^>]*>Bagno di Romagna<\/a>/);
    expect(page).toMatch(/<a[^>]*href="\/accedi"[^>]*>Accesso per il personale<\/a>/);
    expect(page).not.toContain("Borgo Senza Progetti");
    // A public page: plain HTML, no script.
    expect(page).not.toMatch(/<script\b/);
  });

  it("keeps the dashboard at / for the staff", async () => {
    const cookie = await signInAs(app, "editor");
    const response = await get(app, "/", cookie);
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain("<h1>Progetti PNRR</h1>");
  });

  it("searches the comuni by name with a plain GET form, the text taken literally", async () => {
    const page = await html("/attuazione");
    const form = /<form[^>]*>.*?<\/form>/s.exec(page)?.[0] ?? "";
    expect(form).toMatch(/method="get"/i);
    expect(form).toMatch(/<input[^>]*name="q"/);
    const found = await html("/attuazione?q=margherita");
    expect(found).toMatch(new RegExp(`<a[^>]*href="/attuazione/${istat}"[^>]*>${SML}</a>`));
    expect(found).not.toContain('/attuazione/050026"');
    expect(textOf(found)).toContain("1 comune trovato");
    const none = await html("/attuazione?q=%25");
    expect(textOf(none)).toContain("Nessun comune trovato");
  });

  it("is paginated at national scale", async () => {
    const listed = (page: string) =>
      [...page.matchAll(/href="\/attuazione\/(\d{6})"/g)].map((m) => m[1] as string);
    const first = await html("/attuazione");
    const second = await html("/attuazione?pagina=2");
    expect(listed(first)).toHaveLength(50);
    expect(first).toMatch(/<a[^>]*href="\/attuazione\?pagina=2"/);
    const all = new Set([...listed(first), ...listed(second)]);
    // Every comune with an ISTAT code and a progetto of its own (the demo's and the test's), once.
    expect(all.size).toBe(listed(first).length + listed(second).length);
    const [withPage] = query<{ n: number }>(
      app,
      "select count(distinct c.id) n from comune c join progetto p on p.comune_id = c.id where c.codice_istat is not null and p.beneficiary_kind = 'comune'",
    );
    expect(all.size).toBe(withPage?.n);
    // The search keeps its text across pages.
    const searched = await html("/attuazione?q=prova");
    expect(searched).toMatch(/href="\/attuazione\?q=prova&pagina=2"/);
  });
});

describe("in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } })
        .axe;
      const result = (await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      })) as { violations: { id: string; nodes: { html: string }[] }[] };
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
    });
  }

  it("has no WCAG 2.1 A/AA violation and no sideways scroll, at 390 and 1280 px", async () => {
    const paths = [
      "/attuazione",
      "/attuazione?q=prova&pagina=2",
      `/attuazione/${istat}`,
      `/attuazione/${istat}/progetti/${ids.p144}`,
    ];
    for (const width of [390, 1280]) {
      // axe is injected as a script, which the pages' Content-Security-Policy would refuse.
      const context = await browser.newContext({
        bypassCSP: true,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(app.url + path);
        expect({ path, width, violations: await axeViolations(page) }).toEqual({
          path,
          width,
          violations: [],
        });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scroll, `${path} at ${width}px`).toBeLessThanOrEqual(width);
      }
      await context.close();
    }
  }, 120_000);

  it("finds a comune from / without JavaScript and reaches its page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    expect(new URL(page.url()).pathname).toBe("/attuazione");
    await page.getByLabel("Cerca un comune").fill("Santa Margherita");
    await page.getByRole("button", { name: "Cerca" }).click();
    await page.getByRole("link", { name: new RegExp(SML) }).click();
    expect(new URL(page.url()).pathname).toBe(`/attuazione/${istat}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Attuazione misure PNRR");
    await context.close();
  });
});
