import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { type RunningApp, startApp } from "../support/app-server";
import { post, query, signInAs } from "../support/http";
import { signP7m } from "../support/p7m";

let app: RunningApp;
let cookie: string;
let progettoId: number;

beforeAll(async () => {
  app = await startApp({ env: { CRUSCOTTO_UPLOAD_MAX_MB: "1" } });
  cookie = await signInAs(app, "editor");
  progettoId =
    query<{ id: number }>(app, "select id from progetto where cup = 'G51F22003070006'")[0]?.id ?? 0;
});
afterAll(async () => {
  await app?.stop();
});

/** Every file under the store, temporary ones included. */
function storedFiles(): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
        )
      : [];
  return walk(app.filesDir).sort();
}

const documentCount = () => query<{ n: number }>(app, "select count(*) n from documento")[0]?.n;

async function uploadFile(bytes: Uint8Array, fileName: string, title = "Documento di prova") {
  const form = new FormData();
  form.set("step", "candidatura");
  form.set("title", title);
  form.set("file", new Blob([Buffer.from(bytes)]), fileName);
  const response = await fetch(`${app.url}/progetti/${progettoId}/documenti`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: app.url },
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

describe("uploads that must be refused, leaving nothing behind", () => {
  it.each([
    [
      "a non-PDF renamed .pdf",
      Buffer.from("<html>non sono un pdf</html>"),
      "finto.pdf",
      "Il file non è un PDF né un PDF firmato (.p7m).",
    ],
    ["an empty file", Buffer.alloc(0), "vuoto.pdf", "Il file è vuoto."],
    [
      "an oversized file",
      placeholderPdf("Troppo grande", 1_200_000),
      "grande.pdf",
      "Il file supera il limite di 1,00 MB.",
    ],
    [
      "a path-traversal name",
      placeholderPdf("Percorso", 2_000),
      "../../etc/passwd.pdf",
      "Il nome del file non è valido: non può contenere percorsi.",
    ],
    [
      "a p7m that does not wrap a PDF",
      signP7m(Buffer.from("testo firmato")),
      "firmato.txt.p7m",
      "Il file firmato (.p7m) non contiene un documento PDF.",
    ],
  ])("refuses %s with a clear message", async (_label, bytes, name, message) => {
    const filesBefore = storedFiles();
    const docsBefore = documentCount();
    const { status, html } = await uploadFile(bytes, name);
    // The form comes back with its message; a file too large is also said in the status.
    expect(status).toBe(message.includes("supera il limite") ? 413 : 200);
    expect(html).toContain(message);
    expect(documentCount()).toBe(docsBefore);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("accepts a signed PDF (.pdf.p7m) and stores it once under its hash", async () => {
    const signed = signP7m(placeholderPdf("Decreto firmato", 3_000));
    const docsBefore = documentCount() ?? 0;
    const { status } = await uploadFile(signed, "decreto.pdf.p7m", "Decreto firmato");
    expect(status).toBe(302);
    const [doc] = query<{ media_type: string; size_bytes: number; original_name: string }>(
      app,
      "select media_type, size_bytes, original_name from documento order by id desc limit 1",
    );
    expect(doc).toEqual({
      media_type: "application/pkcs7-mime",
      size_bytes: signed.length,
      original_name: "decreto.pdf.p7m",
    });
    expect(documentCount()).toBe(docsBefore + 1);
    expect(storedFiles().filter((f) => f.includes(`${path.sep}.tmp${path.sep}`))).toEqual([]);
  });

  it("accepts a signed PDF saved as base64 text (PEM) and gives it back as uploaded", async () => {
    const der = signP7m(placeholderPdf("Determina firmata", 3_000)).toString("base64");
    const text = Buffer.from(
      `-----BEGIN PKCS7-----\r\n${der.match(/.{1,64}/g)?.join("\r\n")}\r\n-----END PKCS7-----\r\n`,
    );
    const { status } = await uploadFile(text, "determina.pdf.p7m", "Determina firmata base64");
    expect(status).toBe(302);
    const [doc] = query<{ id: number; media_type: string; sha256: string }>(
      app,
      "select id, media_type, sha256 from documento order by id desc limit 1",
    );
    expect(doc?.media_type).toBe("application/pkcs7-mime");
    expect(doc?.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    const download = await fetch(`${app.url}/progetti/${progettoId}/documenti/${doc?.id}`, {
      headers: { Cookie: cookie },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(text)).toBe(true);
  });
});

describe("step forms that must be refused, storing nothing", () => {
  const determine = () => query<{ n: number }>(app, "select count(*) n from determina")[0]?.n;

  it("refuses a sixth service for a band capped at four", async () => {
    const response = await post(
      app,
      `/progetti/${progettoId}/candidatura`,
      {
        avvisoId: "2",
        sentOn: "2022-09-24",
        band: "2",
        servizioIds: ["13", "16", "20", "21", "25", "26"],
        amountRequested: "207.024,00",
      },
      cookie,
    );
    await expect(response.text()).resolves.toContain(
      "consente al massimo 4 servizi: ne sono stati scelti 6",
    );
    expect(
      query(
        app,
        "select servizio_id from progetto_servizio where progetto_id = ? order by 1",
        progettoId,
      ),
    ).toEqual([{ servizio_id: 13 }, { servizio_id: 16 }, { servizio_id: 20 }, { servizio_id: 21 }]);
  });

  it("refuses an invalid CUP and a notification before the decree", async () => {
    const decree = {
      number: "135 - 1 / 2022",
      decreeOn: "2023-01-03",
      notifiedOn: "2023-01-23",
      amount: "155.234,00",
      cup: "G51F22003070006",
    };
    const badCup = await post(
      app,
      `/progetti/${progettoId}/decreto`,
      { ...decree, cup: "G51F2200307" },
      cookie,
    );
    await expect(badCup.text()).resolves.toContain("Il CUP non è scritto correttamente");
    const early = await post(
      app,
      `/progetti/${progettoId}/decreto`,
      { ...decree, notifiedOn: "2022-12-31" },
      cookie,
    );
    await expect(early.text()).resolves.toContain(
      "La data di notifica non può precedere la data del decreto",
    );
    expect(query(app, "select notified_on from decreto where progetto_id = ?", progettoId)).toEqual(
      [{ notified_on: "2023-01-23" }],
    );
  });

  it("refuses an invalid CIG and partita IVA", async () => {
    const before = determine();
    const response = await post(
      app,
      `/progetti/${progettoId}/determine/nuova`,
      {
        number: "923",
        adoptedOn: "2023-09-01",
        supplierName: "Altro Srl",
        supplierVat: "12345678901",
        cig: "ABC",
        amount: "",
        contractOn: "",
      },
      cookie,
    );
    const html = await response.text();
    expect(html).toContain("Partita IVA non valida: 11 cifre con cifra di controllo corretta");
    expect(html).toContain("Il CIG non è scritto correttamente");
    expect(html).toContain('value="Altro Srl"');
    expect(determine()).toBe(before);
  });
});

describe("deleting a step", () => {
  it("removes its documents and their files from the disk", async () => {
    const [det] = query<{ id: number }>(
      app,
      "select id from determina where progetto_id = ?",
      progettoId,
    );
    const docs = query<{ sha256: string }>(
      app,
      "select sha256 from documento where determina_id = ?",
      det?.id,
    );
    expect(docs).toHaveLength(1);
    const file = storedFiles().find((f) => f.endsWith(docs[0]?.sha256 ?? "-"));
    expect(file).toBeDefined();
    const response = await post(
      app,
      `/progetti/${progettoId}/determine/${det?.id}`,
      { intent: "delete" },
      cookie,
    );
    expect(response.status).toBe(302);
    expect(query(app, "select id from determina where id = ?", det?.id)).toEqual([]);
    expect(query(app, "select id from documento where determina_id = ?", det?.id)).toEqual([]);
    expect(storedFiles()).not.toContain(file);
  });
});

describe("forms without JavaScript", () => {
  it("show the error next to the field and keep what was typed", async () => {
    const { launchBrowser } = await import("../support/browser");
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: app.url }]);
      const page = await context.newPage();
      await page.goto(`${app.url}/progetti/${progettoId}/decreto`);
      await page.getByLabel("CUP").fill("G51F2200307");
      await page.getByRole("button", { name: "Salva il decreto" }).click();
      await page.waitForLoadState("load");
      await expect(page.locator("#cup-error").isVisible()).resolves.toBe(true);
      await expect(page.getByLabel("CUP").inputValue()).resolves.toBe("G51F2200307");
      await expect(page.getByLabel("CUP").getAttribute("aria-describedby")).resolves.toContain(
        "cup-error",
      );
    } finally {
      await browser.close();
    }
  });
});
