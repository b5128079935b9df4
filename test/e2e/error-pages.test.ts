/** 404 and 500 are pages of the app, in Italian, with its layout; never a stack trace. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, signInAs } from "../support/http";

let app: RunningApp;
let cookie: string;
beforeAll(async () => {
  // A damaged database: the national overview's loader fails on the missing table.
  app = await startApp({ prepare: (db) => db.run(sql`drop table overview_month`) });
  cookie = await signInAs(app, "admin");
});
afterAll(() => app?.stop());

const stylesheet = /<link rel="stylesheet" href="\/build\/_assets\/app\.generated-[A-Z0-9]+\.css"/;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");

describe("an unknown address, signed in", () => {
  it("answers 404 with the app's page, header and navigation", async () => {
    const response = await get(app, "/pagina-che-non-esiste", cookie);
    expect(response.status).toBe(404);
    const html = await text(response);
    expect(html).toContain('<html lang="it"');
    expect(html).toMatch(stylesheet);
    // The Designers Italia header with the app's name.
    expect(html).toContain('<header class="it-header-wrapper app-header');
    expect(html).toContain('<div class="it-brand-title">Cruscotto PNRR</div>');
    expect(html).toContain("Amministratrice Demo");
    expect(html).toContain("<h1>Pagina non trovata</h1>");
    expect(html).toContain("Pagina non trovata · Cruscotto PNRR</title>");
  });

  it("answers 404 for a record a route does not find, with the route's message", async () => {
    const response = await get(app, "/unioni/999999", cookie);
    expect(response.status).toBe(404);
    const html = await text(response);
    expect(html).toContain("<h1>Pagina non trovata</h1>");
    expect(html).toMatch(stylesheet);
  });
});

describe("a loader that fails", () => {
  it("answers 500 with the app's page in Italian and no detail of the error", async () => {
    const response = await get(app, "/nazionale", cookie);
    expect(response.status).toBe(500);
    const html = await text(response);
    expect(html).toMatch(stylesheet);
    // The Designers Italia header with the app's name.
    expect(html).toContain('<header class="it-header-wrapper app-header');
    expect(html).toContain('<div class="it-brand-title">Cruscotto PNRR</div>');
    expect(html).toContain("<h1>Si è verificato un errore</h1>");
    expect(html).not.toContain("overview_month");
    expect(html).not.toMatch(/\bat .+\.js:\d+/);
    // Remix's own English fallback is not what the reader sees.
    const visible = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    expect(visible).not.toContain("Unexpected Server Error");
  });
});
