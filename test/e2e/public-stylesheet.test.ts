/**
 * The public pages' stylesheet, built from Bootstrap Italia's Sass with only the parts the
 * pages use: small, cached for a year, and every element styled exactly as the full
 * Bootstrap Italia stylesheet styles it.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { query } from "../support/http";

const FULL_CSS = readFileSync(
  new URL("../../node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css", import.meta.url),
  "utf8",
);

let app: RunningApp;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const [p] = query<{ istat: string; id: number }>(
    app,
    "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' and p.beneficiary_kind = 'comune'",
  );
  pages = [
    "/attuazione?pagina=1",
    `/attuazione/${p?.istat}`,
    `/attuazione/${p?.istat}/progetti/${p?.id}`,
  ];
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function stylesheetsOf(path: string): Promise<string[]> {
  const html = await (await fetch(app.url + path)).text();
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("the public stylesheet", () => {
  it("is one fingerprinted file under /build, cached for a year, under 40 KB gzipped", async () => {
    for (const path of pages) {
      const sheets = await stylesheetsOf(path);
      expect(sheets, path).toHaveLength(1);
      expect(sheets[0], path).toMatch(/^\/build\/.+-[A-Z0-9]{8,}\.css$/i);
    }
    const [href] = await stylesheetsOf(pages[0] ?? "");
    const response = await fetch(app.url + href, { headers: { "Accept-Encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/css/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const css = Buffer.from(await response.arrayBuffer());
    expect(gzipSync(css, { level: 9 }).length).toBeLessThan(40 * 1024);
  });

  it("declares the Designers Italia fonts, served from our origin", async () => {
    const [href] = await stylesheetsOf(pages[0] ?? "");
    const css = await (await fetch(app.url + href)).text();
    for (const family of ["Titillium Web", "Lora"])
      expect(css).toMatch(new RegExp(`@font-face\\{font-family:"?${family}"?;`));
    const fonts = [...css.matchAll(/url\("?(\/[^")]+\.woff2)"?\)/g)].map((m) => m[1] ?? "");
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    for (const font of fonts) {
      const response = await fetch(app.url + font);
      expect(response.status, font).toBe(200);
      expect(response.headers.get("content-type"), font).toBe("font/woff2");
      expect(response.headers.get("cache-control"), font).toMatch(/immutable/);
    }
  });

  it("has a rule for every Bootstrap Italia class the pages use", async () => {
    const [href] = await stylesheetsOf(pages[0] ?? "");
    const css = await (await fetch(app.url + href)).text();
    const hasClass = (sheet: string, name: string) =>
      new RegExp(`\\.${name.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}(?![\\w-])`).test(sheet);
    for (const path of pages) {
      const html = await (await fetch(app.url + path)).text();
      const classes = new Set(
        [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => (m[1] ?? "").split(/\s+/)),
      );
      expect(classes.size, path).toBeGreaterThan(20);
      classes.delete("");
      for (const name of classes)
        if (hasClass(FULL_CSS, name)) expect(hasClass(css, name), `${path}: .${name}`).toBe(true);
    }
  });

  it("styles every element of the pages exactly as the full Bootstrap Italia does", async () => {
    const computed = async (path: string, width: number, full: boolean) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        if (full)
          // The full stylesheet, then ours: anything ours lacks, the full one still has.
          await page.route("**/build/**/*.css", async (route) => {
            const own = await (await fetch(route.request().url())).text();
            await route.fulfill({ contentType: "text/css", body: `${FULL_CSS}\n${own}` });
          });
        await page.goto(app.url + path);
        await page.evaluate(() => document.fonts.ready);
        return await page.evaluate(() =>
          [...document.querySelectorAll("body *")].map((e) => {
            const style = getComputedStyle(e);
            const props: Record<string, string> = {};
            for (let j = 0; j < style.length; j++) {
              const name = style.item(j);
              props[name] = style.getPropertyValue(name);
            }
            return { element: `<${e.tagName.toLowerCase()} class="${e.className}">`, props };
          }),
        );
      } finally {
        await page.close();
      }
    };
    for (const path of pages)
      for (const width of [375, 1280]) {
        const lean = await computed(path, width, false);
        const full = await computed(path, width, true);
        expect(lean.length).toBeGreaterThan(30);
        const differences = lean.flatMap((e, i) =>
          Object.entries(e.props)
            .filter(([name, value]) => full[i]?.props[name] !== value)
            .map(
              ([name, value]) => `${i} ${e.element} ${name}: ${value} ≠ ${full[i]?.props[name]}`,
            ),
        );
        expect(differences.slice(0, 3), `${path} at ${width}px`).toEqual([]);
      }
  });
});
