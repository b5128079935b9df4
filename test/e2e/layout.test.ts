/**
 * The layout of every page, generated from the route table (test/support/routes.ts): each
 * page a role may open, and its 403 and 404, at a phone's 390 px and a screen's 1,280 px in
 * Chromium. Nothing scrolls sideways as a whole (tables scroll in their own region), axe finds
 * no WCAG 2.1 A/AA violation, and Titillium Web is the font actually loaded.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, printOnA4 } from "../support/browser";
import { type DemoRole, query, signInAs } from "../support/http";
import {
  type Case,
  ROLES,
  ROUTE_ACCESS,
  ROUTES_DIR,
  type Role,
  routeCases,
  seedRouteFixtures,
} from "../support/routes";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [390, 1280] as const;

let app: RunningApp;
let browser: Browser;
let pages: Case[];
const cookies = new Map<Role, string | null>();
let unione: number;

/** A route file that renders a page (resource routes, CSV, JSON and calendars, export none). */
const isPage = (file: string) =>
  /export default function/.test(readFileSync(`${ROUTES_DIR}/${file}`, "utf8"));

/** The public pages are the same for everyone: one visit each, as a citizen. */
const PUBLIC_ACCESS = new Set(["public", "attuazione-comune", "attuazione-progetto"]);

beforeAll(async () => {
  app = await startApp();
  const seeded = seedRouteFixtures(app);
  unione = seeded.valleDelSavio;
  // Calendars are not pages: their keys only have to fill the URL.
  const calendarKeys = new Map(ROLES.map((r) => [r, `1-${"A".repeat(32)}`] as const));
  const all = routeCases({ ...seeded, calendarKeys }).filter((c) => isPage(c.file));
  const seen = new Set<string>();
  const errors = new Set<string>();
  pages = all.filter((c) => {
    const access = ROUTE_ACCESS[c.file] as string;
    if (![200, 403, 404].includes(c.expected)) return false;
    if (PUBLIC_ACCESS.has(access) && c.expected === 200) {
      if (seen.has(c.url)) return false;
      seen.add(c.url);
      return true;
    }
    if (c.role === "anonymous") return c.expected === 200; // the sign-in page
    // One refusal of each kind per role is enough to see its page.
    if (c.expected !== 200) {
      const key = `${c.role} ${c.expected}`;
      if (errors.has(key)) return false;
      errors.add(key);
    }
    return true;
  });
  // A confirmation page shows only with what it confirms in its query (its plain URL is a 404).
  const [doc] = query<{ id: number; progetto: number }>(
    app,
    "select d.id, d.progetto_id progetto from documento d join progetto p on p.id = d.progetto_id join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' order by d.id limit 1",
  );
  const [member] = query<{ id: number; unione: number }>(
    app,
    "select c.id, c.unione_id unione from comune c join unione u on u.id = c.unione_id where u.name like '%Savio%' order by c.id limit 1",
  );
  const confirm = { scope: "in" as const, params: {}, expected: 200, markers: [] };
  pages.push(
    {
      ...confirm,
      file: "progetti.$id.elimina.tsx",
      role: "editor",
      url: `/progetti/${doc?.progetto}/elimina?passaggio=documento:${doc?.id}`,
    },
    {
      ...confirm,
      file: "unioni.$id_.rimuovi.tsx",
      role: "coordinatore",
      url: `/unioni/${member?.unione}/rimuovi?comune=${member?.id}`,
    },
  );
  cookies.set("anonymous", null);
  for (const role of ROLES.slice(1) as DemoRole[]) cookies.set(role, await signInAs(app, role));
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A context of the role at the width; axe is injected, which the pages' CSP would refuse. */
async function contextFor(role: Role, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    javaScriptEnabled: true,
  });
  const cookie = cookies.get(role);
  if (cookie) {
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: app.url }]);
  }
  return context;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
    );
  });
}

/** What is wrong with one page at one width; nothing when all is well. */
async function problemsOf(page: Page, c: Case, width: number): Promise<string[]> {
  const response = await page.goto(app.url + c.url);
  const problems: string[] = [];
  if (response?.status() !== c.expected)
    problems.push(`status ${response?.status()}, expected ${c.expected}`);
  const { scrollWidth, innerWidth, titillium } = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      titillium: [...document.fonts].some(
        (f) => f.family.replace(/"/g, "") === "Titillium Web" && f.status === "loaded",
      ),
    };
  });
  if (scrollWidth > innerWidth)
    problems.push(`scrolls sideways: ${scrollWidth} px wide in ${innerWidth}`);
  if (!titillium) problems.push("Titillium Web not loaded");
  for (const v of await axeViolations(page)) problems.push(`axe ${v}`);
  return problems.map((p) => `${c.role} ${c.url} at ${width} px: ${p}`);
}

describe("every page, at 390 and 1,280 px", () => {
  it("covers the signed-in pages of every role, their 403 and 404, and the public ones", () => {
    const files = new Set(pages.map((c) => c.file));
    for (const file of Object.keys(ROUTE_ACCESS).filter(isPage))
      expect(files.has(file), file).toBe(true);
    expect(pages.filter((c) => c.expected === 403).length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((c) => c.expected === 404).length).toBeGreaterThanOrEqual(4);
  });

  it("never scrolls sideways, loads Titillium Web and has no axe violation", async () => {
    const failures: string[] = [];
    // One tab per role and width, the roles side by side.
    await Promise.all(
      WIDTHS.flatMap((width) =>
        ROLES.map(async (role) => {
          const mine = pages.filter((c) => c.role === role);
          if (!mine.length) return;
          const context = await contextFor(role, width);
          const page = await context.newPage();
          for (const c of mine) failures.push(...(await problemsOf(page, c, width)));
          await context.close();
        }),
      ),
    );
    expect(failures.sort()).toEqual([]);
  }, 110_000);
});

describe("the Unione's comparison", () => {
  it("fits a 1,280 px screen with phase, days to the next deadline, erogato and conformity first", async () => {
    const context = await contextFor("coordinatore", 1280);
    const page = await context.newPage();
    await page.goto(`${app.url}/unioni/${unione}`);
    const region = page.locator(".table-scroll", { has: page.locator("table.comparison") });
    const { scrollWidth, clientWidth } = await region.evaluate((e) => ({
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const headers = (await region.locator("thead th").allTextContents()).map((t) =>
      t.replace(/,.*$/, "").trim(),
    );
    expect(headers.slice(0, 5)).toEqual([
      "Comune",
      "Fase",
      "Giorni alla prossima scadenza",
      "Erogato",
      "Conformità",
    ]);
    await context.close();
  });

  it("prints on A4 landscape pages, nothing cut at the right edge", async () => {
    const context = await contextFor("coordinatore", 1280);
    const page = await context.newPage();
    const printed = await printOnA4(page, `${app.url}/unioni/${unione}/stampa`, "landscape", 10);
    expect(printed.overflowing).toEqual([]);
    expect(printed.pageSizes.length).toBeGreaterThan(0);
    // A4 landscape: 842 × 595 points.
    for (const size of printed.pageSizes) expect(size).toEqual([842, 595]);
    await context.close();
  });
});
