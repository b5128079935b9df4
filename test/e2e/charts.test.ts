/**
 * The deadline charts in Chromium at a phone's 390 px and a screen's 1,280 px: no text of a
 * chart's SVG overlaps another (tick labels, "Oggi", milestone names, lane names), and each
 * window is drawn with the fill of its status, the same status the table says in words.
 * Today is pinned three days after a tick of the old half-yearly axis, where "Oggi" used to
 * sit on the tick's label; one comune of the Unione is paid on its asseverazione's day.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, signedInPage } from "../support/browser";
import { query } from "../support/http";

const WIDTHS = [390, 1280] as const;
let app: RunningApp;
let browser: Browser;
let progettoId: number;
let unioneId: number;

beforeAll(async () => {
  app = await startApp({
    today: "2027-01-04",
    // Poggio Campione paid on the day of its asseverazione: two marks on one spot of a lane.
    prepare: (db) =>
      db.$client
        .prepare(
          `update evento set occurred_on = (select e.occurred_on from evento e
             where e.progetto_id = evento.progetto_id and e.kind = 'asseverazione')
           where kind = 'erogazione' and progetto_id in (select p.id from progetto p
             join comune c on c.id = p.comune_id where c.name = 'Poggio Campione')`,
        )
        .run(),
  });
  browser = await launchBrowser();
  progettoId =
    query<{ id: number }>(
      app,
      "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' order by p.id limit 1",
    )[0]?.id ?? 0;
  unioneId =
    query<{ id: number }>(
      app,
      "select id from unione where name = 'Unione dimostrativa dei Colli di Prova'",
    )[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every non-empty text of the chart's SVG with its box on the page. */
function textBoxes(page: Page, svg: string): Promise<Box[]> {
  return page.locator(svg).evaluate((root) =>
    [...root.querySelectorAll("text")]
      .filter((t) => (t.textContent ?? "").trim() !== "")
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
      }),
  );
}

/** Pairs of texts whose boxes share more than half a pixel each way. */
function collisions(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0.5 && h > 0.5) found.push(`«${a.text}» × «${b.text}»`);
    }
  });
  return found;
}

/** The statuses the drawing shows, one per window, from each window's class. */
function drawnStatuses(page: Page, svg: string): Promise<string[]> {
  return page
    .locator(`${svg} .window`)
    .evaluateAll((areas) =>
      areas.map(
        (a) =>
          /window-(met|open|at-risk|missed)/.exec(a.getAttribute("class") ?? "")?.[1] ?? "none",
      ),
    );
}

/** What the table says of each window, as the status it names. */
function saidStatuses(texts: string[]): string[] {
  return texts.map((t) =>
    /Scaduta|in ritardo \(/.test(t)
      ? "missed"
      : /A rischio/.test(t)
        ? "at-risk"
        : /Aperta/.test(t)
          ? "open"
          : /Rispettata/.test(t)
            ? "met"
            : "none",
  );
}

async function openAt(width: number, path: string) {
  const { page, errors } = await signedInPage(browser, app, "admin");
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${app.url}${path}`);
  return { page, errors };
}

describe.each(WIDTHS)("at %i px", (width) => {
  it("the progetto chart of Santa Margherita Ligure: no text on another, windows by status", async () => {
    const { page } = await openAt(width, `/progetti/${progettoId}`);
    const svg = "figure.chart svg.recharts-surface";
    const boxes = await textBoxes(page, svg);
    expect(boxes.map((b) => b.text)).toContain("Oggi");
    expect(boxes.map((b) => b.text)).toContain("Contratto con il fornitore");
    expect(collisions(boxes)).toEqual([]);
    // Every text inside the drawing, none cut off at its edges.
    const frame = await page.locator(svg).boundingBox();
    for (const b of boxes) {
      expect(b.x, b.text).toBeGreaterThanOrEqual((frame?.x ?? 0) - 0.5);
      expect(b.x + b.width, b.text).toBeLessThanOrEqual(
        (frame?.x ?? 0) + (frame?.width ?? 0) + 0.5,
      );
    }

    const drawn = await drawnStatuses(page, svg);
    expect(drawn.length).toBe(2);
    const rows = await page
      .locator("figure.chart table.chart-table tbody tr", { hasText: "Finestra per" })
      .allTextContents();
    expect(saidStatuses(rows)).toEqual(drawn);
    const legend = (await page.locator("figure.chart .chart-legend").textContent()) ?? "";
    for (const word of ["rispettata", "aperta", "a rischio", "scaduta"])
      expect(legend).toContain(word);
    await page.close();
  });

  it("the Unione's lanes: no text on another, each comune's windows as the table says", async () => {
    const { page } = await openAt(width, `/unioni/${unioneId}`);
    const svg = "svg#grafico-corsie";
    const boxes = await textBoxes(page, svg);
    expect(boxes.map((b) => b.text)).toContain("Oggi");
    expect(boxes.map((b) => b.text)).toEqual(expect.arrayContaining(["★", "€"]));
    expect(collisions(boxes)).toEqual([]);

    const drawn = await drawnStatuses(page, svg);
    const cells = await page
      .locator(svg)
      .locator("xpath=ancestor::figure//table/tbody/tr/td[2]")
      .allTextContents();
    const said = cells.flatMap((c) => (c === "—" ? [] : saidStatuses(c.split("; "))));
    expect(drawn.length).toBeGreaterThan(0);
    expect(said).toEqual(drawn);
    // The demo Unione has a window whose deadline passed without the step: drawn as missed.
    expect(drawn).toContain("missed");
    await page.close();
  });
});
