/**
 * A RUP's forms in a browser without JavaScript (the pages carry none): what was typed
 * survives an expired session and a refused upload, a failed form puts its error summary
 * in focus, deletes ask first, impossible sequences are refused and unusual ones are
 * saved only once confirmed.
 */
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { demoAccount, pageText, post, query, signInAs } from "../support/http";

const TODAY = "2026-11-22";
let app: RunningApp;
let browser: Browser;
let page: Page;
let progettoId: number;

beforeAll(async () => {
  app = await startApp({ today: TODAY, env: { CRUSCOTTO_UPLOAD_MAX_MB: "1" } });
  browser = await launchBrowser();
  progettoId =
    query<{ id: number }>(app, "select id from progetto where cup = 'G51F22003070006'")[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach(async () => {
  await page?.context().close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  const [name, value] = (await signInAs(app, "editor")).split("=") as [string, string];
  await context.addCookies([{ name, value, url: app.url }]);
});

/** Ends every session, as the seven days running out would. */
function expireSessions() {
  const db = new Database(app.databaseFile);
  try {
    db.prepare("update sessione set expires_at = '2000-01-01T00:00:00.000Z'").run();
  } finally {
    db.close();
  }
}

const decreto = () =>
  query<{ number: string; decree_on: string }>(
    app,
    "select number, decree_on from decreto where progetto_id = ?",
    progettoId,
  )[0];

describe("never lose a form", () => {
  it("keeps what was typed when the session expired, and resends it after signing in", async () => {
    await page.goto(`${app.url}/progetti/${progettoId}/decreto`);
    await page.getByLabel("Numero del decreto").fill("135 - 1 / 2022 rettificato");
    expireSessions();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Salva il decreto" }).click(),
    ]);
    expect(refused.status()).toBe(401);
    await page.waitForLoadState("load");
    const text = await page.locator("main").textContent();
    expect(text).toContain("Quello che hai scritto non è andato perso");
    expect(text).toContain("135 - 1 / 2022 rettificato");
    expect(decreto()?.number).toBe("135 - 1 / 2022");

    const account = demoAccount("editor");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForLoadState("load");
    await page.getByRole("button", { name: "Invia di nuovo" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Salvato");
    expect(decreto()?.number).toBe("135 - 1 / 2022 rettificato");
    // The password typed on the way is never part of what is kept.
    expect(await page.content()).not.toContain(account.password);
  });

  it("keeps the title, the step and 'pubblicabile' when an upload is refused", async () => {
    const count = () => query<{ n: number }>(app, "select count(*) n from documento")[0]?.n;
    const before = count();
    for (const [name, bytes] of [
      ["troppo-grande.pdf", placeholderPdf("troppo grande", 2 * 1024 * 1024)],
      ["finto.pdf", Buffer.from("<html>non sono un pdf</html>")],
    ] as const) {
      await page.goto(`${app.url}/progetti/${progettoId}/documenti`);
      const step = page.getByLabel("Passaggio a cui si riferisce");
      const options = await step.locator("option").allTextContents();
      const chosen = options.find((o) => o.startsWith("Determina")) ?? "";
      expect(chosen).not.toBe("");
      await step.selectOption({ label: chosen });
      await page.getByLabel("Titolo").fill("Determina di affidamento firmata");
      await page.getByLabel("Pubblicabile nella pagina pubblica del comune").check();
      await page
        .getByLabel("File PDF o PDF firmato (.pdf.p7m)")
        .setInputFiles({ name, mimeType: "application/pdf", buffer: bytes });
      await page.getByRole("button", { name: "Carica" }).click();
      await page.waitForLoadState("load");
      await page.locator(".error-message").first().waitFor();
      await expect(page.getByLabel("Titolo").inputValue()).resolves.toBe(
        "Determina di affidamento firmata",
      );
      await expect(
        page.getByLabel("Pubblicabile nella pagina pubblica del comune").isChecked(),
      ).resolves.toBe(true);
      await expect(
        page.getByLabel("Passaggio a cui si riferisce").locator("option:checked").textContent(),
      ).resolves.toBe(chosen);
    }
    expect(count()).toBe(before);
  });
});

describe("error summary", () => {
  it("lists the errors at the top of the form, linked to their fields, and has the focus", async () => {
    await page.goto(`${app.url}/progetti/${progettoId}/decreto`);
    await page.getByLabel("Numero del decreto").fill("");
    await page.getByLabel("CUP").fill("ABCDEFGHIJKLMNO");
    await page.getByRole("button", { name: "Salva il decreto" }).click();
    await page.waitForLoadState("load");
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading").textContent()).resolves.toBe("Ci sono 2 errori");
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains("error-summary")),
    ).resolves.toBe(true);
    const hrefs = await summary
      .getByRole("link")
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(hrefs).toEqual(["#number", "#cup"]);
    await summary.getByRole("link").nth(1).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("cup");
  });
});

describe("deletes ask first", () => {
  it("leads from the delete link to a confirmation page, and deletes only from there", async () => {
    const docs = () =>
      query<{ id: number; title: string }>(
        app,
        "select id, title from documento where progetto_id = ? order by id",
        progettoId,
      );
    const target = docs()[0];
    if (!target) throw new Error("no document");
    await page.goto(`${app.url}/progetti/${progettoId}`);
    await page
      .getByRole("link", { name: `Elimina ${target.title}`, exact: true })
      .first()
      .click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Eliminare",
    );
    expect(docs().map((d) => d.id)).toContain(target.id);
    await page.getByRole("button", { name: "Elimina definitivamente" }).click();
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe(`/progetti/${progettoId}`);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Eliminato");
    expect(docs().map((d) => d.id)).not.toContain(target.id);
  });

  it("asks before deleting a step", async () => {
    const [determina] = query<{ id: number }>(
      app,
      "select id from determina where progetto_id = ? order by id",
      progettoId,
    );
    await page.goto(`${app.url}/progetti/${progettoId}/determine/${determina?.id}`);
    await page.getByRole("link", { name: "Elimina la determina e i suoi documenti" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Eliminare",
    );
    await page.getByRole("link", { name: "Annulla" }).click();
    await page.waitForLoadState("load");
    expect(query(app, "select id from determina where id = ?", determina?.id).length).toBe(1);
  });
});

describe("checks across steps", () => {
  it("refuses a decreto dated before its candidatura, saying why", async () => {
    await page.goto(`${app.url}/progetti/${progettoId}/decreto`);
    await page.getByLabel("Data del decreto").fill("2022-09-01");
    await page.getByLabel("Data di notifica al comune").fill("2022-09-10");
    await page.getByRole("button", { name: "Salva il decreto" }).click();
    await page.waitForLoadState("load");
    await expect(page.locator("#decreeOn-error").textContent()).resolves.toBe(
      "Il decreto non può precedere l'invio della candidatura (24/09/2022)",
    );
    expect(decreto()?.decree_on).toBe("2023-01-03");
  });

  it("saves a contract signed before the decreto's notification only once confirmed", async () => {
    const count = () =>
      query<{ n: number }>(
        app,
        "select count(*) n from determina where progetto_id = ? and number = 'P-1'",
        progettoId,
      )[0]?.n;
    await page.goto(`${app.url}/progetti/${progettoId}/determine/nuova`);
    await page.getByLabel("Numero della determina").fill("P-1");
    await page.getByLabel("Data della determina").fill("2023-01-05");
    await page.getByLabel("Fornitore", { exact: true }).fill("Rossi Srl");
    await page.getByLabel("Data del contratto").fill("2023-01-10");
    await page.getByRole("button", { name: "Salva la determina" }).click();
    await page.waitForLoadState("load");
    const confirm = page.getByLabel(/^Confermo: /);
    await expect(confirm.count()).resolves.toBe(1);
    expect(count()).toBe(0);
    await confirm.check();
    await page.getByRole("button", { name: "Salva la determina" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Salvato");
    expect(count()).toBe(1);
  });
});

describe("what the refusal keeps, and what it never accepts", () => {
  const typed = {
    number: "Decreto scritto da un lettore",
    decreeOn: "2023-01-03",
    cup: "G51F22003070006",
  };

  it("keeps the form of an account without the permission (403), to resend as another", async () => {
    const lettore = await signInAs(app, "lettore");
    const response = await post(app, `/progetti/${progettoId}/decreto`, typed, lettore);
    expect(response.status).toBe(403);
    const html = pageText(await response.text());
    expect(html).toContain("Il tuo account non ha i permessi per questa operazione");
    expect(html).toContain('name="modulo:number" value="Decreto scritto da un lettore"');
    expect(html).toContain('action="/accedi"');
  });

  it("never keeps a password", async () => {
    const response = await post(
      app,
      "/account/password",
      { currentPassword: "vecchia-segreta-1", newPassword: "nuova-segreta-2", note: "x" },
      null,
    );
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain("segreta");
    expect(html).toContain('name="modulo:note"');
  });

  it("keeps nothing of a cross-site post, and refuses a cross-site resend through the sign-in", async () => {
    const crossSite = await post(
      app,
      `/progetti/${progettoId}/decreto`,
      typed,
      null,
      "https://evil.example",
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).not.toContain("Decreto scritto da un lettore");
    const account = demoAccount("editor");
    const signIn = await post(
      app,
      "/accedi",
      {
        email: account.email,
        password: account.password,
        "modulo-azione": `/progetti/${progettoId}/decreto`,
        "modulo:number": "Decreto scritto altrove",
      },
      null,
      "https://evil.example",
    );
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get("set-cookie")).toBeNull();
  });

  it("sends the resend only to a page of ours", async () => {
    const account = demoAccount("editor");
    const response = await post(
      app,
      "/accedi",
      {
        email: account.email,
        password: account.password,
        "modulo-azione": "https://evil.example/raccolta",
        "modulo:number": "x",
      },
      null,
    );
    expect(response.status).toBe(200);
    const html = pageText(await response.text());
    expect(html).toContain("Invia di nuovo");
    expect(html).not.toContain("evil.example");
  });
});

describe("a new progetto", () => {
  it("is refused with the reason when its candidatura is dated in the future, and nothing is stored", async () => {
    const editor = await signInAs(app, "editor");
    const [sml] = query<{ id: number; avviso: number }>(
      app,
      "select c.id, p.avviso_id avviso from comune c join progetto p on p.comune_id = c.id where c.name = 'Santa Margherita Ligure' limit 1",
    );
    const before = query<{ n: number }>(app, "select count(*) n from progetto")[0]?.n;
    const answer = await post(
      app,
      `/comuni/${sml?.id}/progetti/nuovo`,
      {
        avvisoId: String(sml?.avviso),
        sentOn: "2026-12-01",
        band: "3",
        servizioIds: [],
        amountRequested: "79.922,00",
      },
      editor,
    );
    expect(answer.status).toBe(200);
    expect(pageText(await answer.text())).toContain("La data non può essere futura");
    expect(query<{ n: number }>(app, "select count(*) n from progetto")[0]?.n).toBe(before);
  });
});
