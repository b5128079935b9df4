/**
 * The portfolio views over real HTTP: Valle del Savio's coordinatore records, through the
 * plain step forms, Cesena's 1.4.1 progetto from the contract to payment and a sample check;
 * the comune page and the Unione's matrix by measure then show it in upkeep until
 * 31/12/2030, with what it was paid and what is left of the lump sum; so does the public
 * page, and a browser (Chromium, the coordinatore signed in) sees the same on all three.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { comuneId, get, pageText, post, query, signInAs } from "../support/http";

const TODAY = "2026-11-22";
let app: RunningApp;
let cookie: string;
let cesena: number;
let progettoId: number;
let unioneId: number;

beforeAll(async () => {
  app = await startApp({ today: TODAY });
  cookie = await signInAs(app, "coordinatore");
  cesena = comuneId(app, "Cesena");
  progettoId =
    query<{ id: number }>(
      app,
      "select id from progetto where comune_id = ? and misura = '1.4.1' and beneficiary_kind = 'comune'",
      cesena,
    )[0]?.id ?? 0;
  unioneId =
    query<{ id: number }>(
      app,
      "select id from unione where name = 'Unione dei Comuni Valle del Savio'",
    )[0]?.id ?? 0;
});
afterAll(async () => {
  await app?.stop();
});

/** Posts a step form as the browser would; a saved step goes back to the progetto. */
async function record(step: "determine/nuova" | "eventi/nuovo", fields: Record<string, string>) {
  const response = await post(app, `/progetti/${progettoId}/${step}`, fields, cookie);
  const body = response.status === 302 ? "" : pageText(await response.text());
  expect({ status: response.status, errors: body.match(/error-message[^>]*>[^<]*/g) }).toEqual({
    status: 302,
    errors: null,
  });
  expect(response.headers.get("location")).toBe(`/progetti/${progettoId}?salvato=1`);
}

const evento = (kind: string, occurredOn: string, more: Record<string, string> = {}) =>
  record("eventi/nuovo", { kind, occurredOn, ...more });

async function html(path: string): Promise<string> {
  const response = await get(app, path, cookie);
  expect(response.status).toBe(200);
  return pageText(await response.text());
}

/** The part of a page inside `<section aria-labelledby=id>`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section aria-labelledby="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf("</section>", start));
}

/** The table row whose heading names `name`, as text. */
function row(part: string, name: string): string {
  const found = [...part.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].find((m) =>
    /<th[^>]*scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(m[1] ?? "")?.[1]?.includes(name),
  );
  expect(found, `row ${name}`).toBeDefined();
  return (found?.[1] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("from asseverazione to payment, seen in the portfolio views", () => {
  it("records the steps through the forms, and the comune page and the Unione matrix show them", async () => {
    await record("determine/nuova", {
      number: "410",
      adoptedOn: "2023-02-01",
      supplierName: "Fornitore dell'Unione Srl",
      supplierVat: "",
      cig: "",
      amount: "300.000,00",
      contractOn: "2023-02-15",
    });
    await evento("sito-online", "2023-12-01");
    await evento("checklist-inviata", "2024-01-15");
    await evento("richiesta-completamento", "2024-01-20");
    // The demo checklist is not filled in: the asseverazione is saved once confirmed.
    await evento("asseverazione", "2025-02-03", {
      outcome: "positiva",
      conferma: "asseverazione-con-checklist-aperta",
    });
    await evento("cre", "2025-02-10");
    await evento("richiesta-erogazione", "2025-02-11");
    await evento("erogazione", "2025-06-10", { amount: "328.160,00", reference: "7781" });
    await evento("controllo-campione", "2026-10-01");

    const comunePage = await html(`/comuni/${cesena}`);
    const portfolio = section(comunePage, "portafoglio");
    expect(portfolio).toContain("Misura 1.4.1");
    const grant = row(portfolio, "D11F22000360006");
    expect(grant).toContain("€ 328.160,00");
    expect(grant).toContain("In mantenimento fino al 31/12/2030");
    // Received 328.160 − contracts 300.000: what the comune may reuse.
    expect(grant).toContain("€ 28.160,00");

    const unionePage = await html(`/unioni/${unioneId}`);
    const matrix = section(unionePage, "per-misura");
    // The wide matrix scrolls inside its own region, not the page.
    expect(matrix).toMatch(
      /<section class="table-scroll" aria-label="[^"]+" tabindex="0"><table class="matrix[ "]/,
    );
    const cesenaRow = row(matrix, "Cesena");
    expect(cesenaRow).toContain("In mantenimento fino al 31/12/2030");
    expect(cesenaRow).toContain("€ 328.160,00");
    expect(row(matrix, "Totale")).toContain("€ 878.394,00");

    const upkeep = section(unionePage, "mantenimento");
    expect(row(upkeep, "Cesena")).toContain("31/12/2030");
    expect(row(section(unionePage, "controlli"), "Cesena")).toContain("01/10/2026");

    // The chart of money granted, paid and left over has its table.
    const money = section(unionePage, "denaro");
    expect(money).toContain("<svg");
    expect(row(money, "Cesena")).toMatch(/€ 328\.160,00.*€ 328\.160,00.*€ 28\.160,00/);

    // The citizen's page of the comune says the same, and a browser shows all three pages.
    const istat = query<{ istat: string }>(
      app,
      "select codice_istat istat from comune where id = ?",
      cesena,
    )[0]?.istat;
    const publicPage = pageText(await (await get(app, `/attuazione/${istat}`, null)).text());
    expect(publicPage).toContain("In mantenimento fino al 31/12/2030");

    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: app.url }]);
      const page = await context.newPage();
      const shown = {
        [`/comuni/${cesena}`]: () => page.getByRole("row", { name: /D11F22000360006/ }),
        [`/unioni/${unioneId}`]: () =>
          page
            .locator('section[aria-labelledby="per-misura"]')
            .getByRole("row", { name: /Cesena/ }),
        [`/attuazione/${istat}`]: () => page.locator("main"),
      };
      for (const [path, part] of Object.entries(shown)) {
        await page.goto(app.url + path);
        expect(await part().textContent(), path).toContain("In mantenimento fino al 31/12/2030");
      }
    } finally {
      await browser.close();
    }
  });
});
