/**
 * Compression on the production build: pages, data and assets compressed when the client
 * accepts it, with the same validators; stored documents and small answers as they are.
 */
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { query, signInAs } from "../support/http";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose body arrives exactly as sent (fetch would decompress it). */
function raw(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers["content-encoding"] === "br"
    ? brotliDecompressSync(r.body)
    : r.headers["content-encoding"] === "gzip"
      ? gunzipSync(r.body)
      : r.body;

const varies = (r: Raw) => /accept-encoding/i.test(String(r.headers.vary ?? ""));

let app: RunningApp;
let page: string;
let comunePage: string;
let documentPath: string;
let documentSize: number;

beforeAll(async () => {
  app = await startApp({
    // Enough progetti in one comune for its open data to be worth compressing.
    prepare: (db) => {
      const sqlite = db.$client;
      const { id } = sqlite
        .prepare(
          "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' and p.beneficiary_kind = 'comune'",
        )
        .get() as { id: number };
      const columns = (sqlite.prepare("pragma table_info(progetto)").all() as { name: string }[])
        .map((c) => c.name)
        .filter((name) => !["id", "title", "cup", "official_cup", "official_key"].includes(name));
      const copy = sqlite.prepare(
        `insert into progetto (title, ${columns.join(", ")}) select ?, ${columns.join(", ")} from progetto where id = ?`,
      );
      for (let i = 1; i <= 12; i++) copy.run(`Progetto di prova numero ${i}`, id);
    },
  });
  const [p] = query<{ istat: string; id: number }>(
    app,
    "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' and p.beneficiary_kind = 'comune'",
  );
  page = `/attuazione/${p?.istat}/progetti/${p?.id}`;
  comunePage = `/attuazione/${p?.istat}`;
  const [d] = query<{ istat: string; progetto: number; id: number; size: number }>(
    app,
    "select c.codice_istat istat, p.id progetto, d.id, d.size_bytes size from documento d join progetto p on p.id = d.progetto_id join comune c on c.id = p.comune_id where d.publishable = 1 and d.media_type = 'application/pdf' and p.beneficiary_kind = 'comune' limit 1",
  );
  documentPath = `/attuazione/${d?.istat}/progetti/${d?.progetto}/documenti/${d?.id}`;
  documentSize = d?.size ?? 0;
});
afterAll(async () => {
  await app?.stop();
});

describe("the public project page", () => {
  it("is sent in brotli or gzip as the client accepts, the same page in fewer bytes", async () => {
    const plain = await raw(page);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(varies(plain)).toBe(true);

    const br = await raw(page, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(varies(br)).toBe(true);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(decode(br).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length * 0.35);

    const gz = await raw(page, { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length * 0.4);

    // One page, one validator, whatever the encoding.
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(gz.headers.etag).toBe(plain.headers.etag);
  });

  it("answers a conditional request 304 in any encoding, and HEAD with the encoded length", async () => {
    const first = await raw(page, { "Accept-Encoding": "br" });
    const etag = String(first.headers.etag);
    const again = await raw(page, { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(varies(again)).toBe(true);

    const head = await raw(page, { "Accept-Encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBe(first.body.length);
  });

  it("has its open data compressed too (JSON and CSV)", async () => {
    for (const path of [`${comunePage}/dati.json`, `${comunePage}/dati.csv`]) {
      const plain = await raw(path);
      expect(plain.body.length, path).toBeGreaterThan(1024);
      const gz = await raw(path, { "Accept-Encoding": "gzip" });
      expect(gz.headers["content-encoding"], path).toBe("gzip");
      expect(decode(gz).equals(plain.body), path).toBe(true);
      expect(gz.body.length, path).toBeLessThan(plain.body.length / 2);
      expect(gz.headers["access-control-allow-origin"], path).toBe("*");
    }
  });

  it("streams a published document as stored: never compressed, with its length", async () => {
    const doc = await raw(documentPath, { "Accept-Encoding": "gzip, br" });
    expect(doc.status).toBe(200);
    expect(doc.headers["content-type"]).toBe("application/pdf");
    expect(doc.headers["content-encoding"]).toBeUndefined();
    expect(Number(doc.headers["content-length"])).toBe(documentSize);
    expect(doc.body.length).toBe(documentSize);
    expect(doc.body.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("signed-in pages and assets", () => {
  it("compresses a signed-in page's HTML", async () => {
    const cookie = await signInAs(app, "editor");
    const plain = await raw("/", { Cookie: cookie });
    expect(plain.status).toBe(200);
    const br = await raw("/", { Cookie: cookie, "Accept-Encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(varies(br)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
  });

  it("serves the build's assets compressed, for a year, revalidated by ETag", async () => {
    const cookie = await signInAs(app, "editor");
    const html = (await raw("/", { Cookie: cookie })).body.toString();
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
    const plain = await raw(stylesheet);
    expect(plain.body.length).toBeGreaterThan(4_000);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const br = await raw(stylesheet, { "Accept-Encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decode(br).equals(plain.body)).toBe(true);
    const again = await raw(stylesheet, { "If-None-Match": String(br.headers.etag) });
    expect(again.status).toBe(304);
  });

  it("leaves small files as they are", async () => {
    const icon = await raw("/favicon.svg", { "Accept-Encoding": "br, gzip" });
    expect(icon.status).toBe(200);
    expect(icon.body.length).toBeLessThan(1024);
    expect(icon.headers["content-encoding"]).toBeUndefined();
  });
});
