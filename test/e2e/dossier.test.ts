/**
 * A progetto's dossier: the page an office prints (A4 portrait) and the ZIP of its documents,
 * a folder per step with the original names and an index, each file byte for byte as stored.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeholderPdf } from "../../scripts/seeds/placeholder-pdf";
import { type RunningApp, startApp } from "../support/app-server";
import { launchBrowser, printOnA4 } from "../support/browser";
import { get, pageText, query, signInAs } from "../support/http";
import { signP7m } from "../support/p7m";

let app: RunningApp;
let editor: string;
let progettoId: number;
let dir: string;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function upload(bytes: Uint8Array, fileName: string, title: string, step: string) {
  const form = new FormData();
  form.set("step", step);
  form.set("title", title);
  form.set("file", new Blob([Buffer.from(bytes)]), fileName);
  const response = await fetch(`${app.url}/progetti/${progettoId}/documenti`, {
    method: "POST",
    body: form,
    headers: { Cookie: editor, Origin: app.url },
    redirect: "manual",
  });
  expect(response.status).toBe(302);
}

const uploads = [
  { title: "Domanda di candidatura", name: "domanda-prova.pdf", step: "candidatura" },
  // Same name twice in one step: both kept, the second numbered.
  { title: "Allegato tecnico", name: "domanda-prova.pdf", step: "candidatura" },
  { title: "Verbale firmato", name: "verbale è firmato.pdf.p7m", step: "altro" },
].map((u, i) => ({
  ...u,
  bytes: u.name.endsWith(".p7m")
    ? signP7m(placeholderPdf(u.title, 2_000))
    : placeholderPdf(`${u.title} ${i}`, 3_000 + i),
}));

beforeAll(async () => {
  app = await startApp();
  editor = await signInAs(app, "editor");
  progettoId =
    query<{ id: number }>(app, "select id from progetto where cup = 'G51F22003070006'")[0]?.id ?? 0;
  for (const u of uploads) await upload(u.bytes, u.name, u.title, u.step);
  dir = mkdtempSync(path.join(tmpdir(), "dossier-"));
});
afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the dossier archive", () => {
  it("unzips into a folder per step, each file as stored, with an Italian index", async () => {
    const response = await get(app, `/progetti/${progettoId}/dossier.zip`, editor);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain("dossier-G51F22003070006.zip");
    const zip = path.join(dir, "dossier.zip");
    writeFileSync(zip, Buffer.from(await response.arrayBuffer()));
    // unzip -t checks every CRC; a bad archive exits non-zero and throws here.
    expect(execFileSync("unzip", ["-t", zip]).toString()).toContain("No errors detected");
    const out = path.join(dir, "estratto");
    execFileSync("unzip", ["-q", zip, "-d", out]);

    const stored = query<{ title: string; original_name: string; sha256: string }>(
      app,
      "select title, original_name, sha256 from documento where progetto_id = ?",
      progettoId,
    );
    const index = readFileSync(path.join(out, "indice.csv"), "utf8").replace(/^\uFEFF/, "");
    const [header, ...rows] = index.trim().split(/\r?\n/);
    expect(header).toBe("Passaggio;Titolo;File;Dimensione (byte);SHA-256");
    expect(rows).toHaveLength(stored.length);
    for (const row of rows) {
      const [, title, file, size, hash] = row.split(";").map((c) => c.replace(/^"|"$/g, ""));
      const bytes = readFileSync(path.join(out, file ?? ""));
      expect(sha256(bytes)).toBe(hash);
      expect(bytes.length).toBe(Number(size));
      expect(stored.some((d) => d.title === title && d.sha256 === hash)).toBe(true);
    }
    for (const u of uploads) {
      const row = rows.find((r) => r.includes(u.title));
      expect(row, u.title).toBeDefined();
      expect(row).toContain(sha256(u.bytes));
    }
    const files = rows.map((r) => r.split(";")[2]);
    expect(files).toContain("01 Candidatura inviata/domanda-prova.pdf");
    expect(files).toContain("01 Candidatura inviata/domanda-prova (2).pdf");
    expect(files).toContain("Altri documenti/verbale è firmato.pdf.p7m");
  });

  it("is refused to whoever may not read the progetto's documents", async () => {
    const pisa =
      query<{ id: number }>(app, "select id from progetto where cup = 'J51F22000540006'")[0]?.id ??
      0;
    expect(pisa).toBeGreaterThan(0);
    const refused = await get(app, `/progetti/${pisa}/dossier.zip`, editor);
    expect(refused.status).toBe(403);
    const anonymous = await get(app, `/progetti/${progettoId}/dossier.zip`, null);
    expect(anonymous.headers.get("location")).toMatch(/^\/accedi\?ritorno=/);
  });
});

describe("the dossier page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists facts, steps and documents, and links the archive", async () => {
    const response = await get(app, `/progetti/${progettoId}/dossier`, editor);
    expect(response.status).toBe(200);
    const text = pageText(await response.text());
    expect(text).toContain("G51F22003070006");
    expect(text).toContain("Scadenze");
    expect(text).toContain("Dopo il completamento");
    for (const u of uploads) expect(text).toContain(sha256(u.bytes));
    expect(text).toContain(`/progetti/${progettoId}/dossier.zip`);
    const page = await get(app, `/progetti/${progettoId}`, editor);
    expect(await page.text()).toContain(`/progetti/${progettoId}/dossier`);
  });

  it("prints on A4 portrait pages, nothing cut at the right edge", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const [name, value] = editor.split("=") as [string, string];
    await context.addCookies([{ name, value, url: app.url }]);
    const page = await context.newPage();
    const printed = await printOnA4(
      page,
      `${app.url}/progetti/${progettoId}/dossier`,
      "portrait",
      15,
    );
    expect(printed.overflowing).toEqual([]);
    expect(printed.pageSizes.length).toBeGreaterThan(0);
    // A4 portrait: 595 × 842 points.
    for (const size of printed.pageSizes) expect(size).toEqual([595, 842]);
    await context.close();
  });
});
