/**
 * The sync against a real local HTTP server serving our fixture files: a file that changes,
 * a 304, a 404 and a truncated download (nothing imported from it).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncOpenData } from "~/opendata/sync.server";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const fixture = (name: string) =>
  readFileSync(path.resolve("test/fixtures/opendata", name), "utf8");
const OLDER = fixture("candidature_141_2024-06-30.csv");
const NEWER = fixture("candidature_141_2025-03-31.csv");
const CLOUD = fixture("candidature_12_2025-03-31.csv");

const FILES = [
  "candidature_finanziate_141.csv",
  "candidature_finanziate_12.csv",
  "candidature_finanziate_131.csv",
  "candidature_finanziate_143.csv",
];

/** What the server publishes now, by file name; undefined: 404. */
let published: Record<string, string | { truncated: string }> = {};
const requests: { url: string; ifNoneMatch: string | undefined }[] = [];

let server: Server;
let baseUrl: string;
let t: TempDatabase;

const etagOf = (body: string) => `"${body.length}-${body.charCodeAt(body.length - 2)}"`;

function serve(req: IncomingMessage, res: ServerResponse) {
  const name = path.basename(req.url ?? "");
  requests.push({ url: req.url ?? "", ifNoneMatch: req.headers["if-none-match"] });
  const body = published[name];
  if (body === undefined) {
    res.writeHead(404).end("404: Not Found");
    return;
  }
  if (typeof body !== "string") {
    // Announces the whole file, sends its first half up to the end of a row, and hangs up:
    // what arrived reads as a good, shorter file.
    const text = body.truncated;
    const half = text.slice(0, text.lastIndexOf("\n", text.length / 2) + 1);
    res.writeHead(200, { "Content-Length": Buffer.byteLength(body.truncated) });
    res.write(half, () => res.destroy());
    return;
  }
  const etag = etagOf(body);
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag }).end();
    return;
  }
  res.writeHead(200, { ETag: etag, "Content-Type": "text/plain" }).end(body);
}

beforeEach(async () => {
  t = createTempDatabase();
  requests.length = 0;
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/teamdigitale/data`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.cleanup();
});

const sync = (at: string) => syncOpenData(t.db, { baseUrl, files: FILES, now: () => new Date(at) });
const count = (sql: string) => (t.sqlite.prepare(sql).get() as { n: number }).n;
const sources = () =>
  t.sqlite
    .prepare(
      `select substr(url, instr(url, 'candidature')) file, last_checked_at checked,
              last_seen_at seen, last_changed_at changed, file_date, last_ok ok, last_outcome outcome
       from opendata_source order by id`,
    )
    .all();

describe("npm run sync:opendata", () => {
  it("imports what changed, asks conditionally, and imports nothing from a cut download", async () => {
    published = {
      "candidature_finanziate_141.csv": OLDER,
      "candidature_finanziate_12.csv": CLOUD,
      "candidature_finanziate_143.csv": { truncated: NEWER },
    };
    const first = await sync("2025-04-01T02:00:00Z");
    expect(first.map((r) => r.outcome)).toEqual(["importato", "importato", "errore", "errore"]);
    expect(first[2]?.message).toBe("file non trovato (404): nulla importato");
    expect(first[3]?.message).toMatch(/^download interrotto dopo \d+ byte .*: nulla importato$/);
    // OLDER (7 progetti) and CLOUD (4): nothing of the truncated copy of NEWER.
    expect(count("select count(*) n from progetto")).toBe(11);
    expect(count("select count(*) n from progetto where official_window = 2")).toBe(0);

    // The 1.4.1 file changes; the 1.2 file does not (304); the 1.4.3 file is withdrawn.
    published["candidature_finanziate_141.csv"] = NEWER;
    delete published["candidature_finanziate_143.csv"];
    requests.length = 0;
    const second = await sync("2025-04-02T02:00:00Z");
    expect(second.map((r) => r.outcome)).toEqual(["importato", "invariato", "errore", "errore"]);
    expect(second[1]?.message).toBe("invariato (304)");
    expect(requests.find((r) => r.url.endsWith("_12.csv"))?.ifNoneMatch).toBe(etagOf(CLOUD));
    expect(count("select count(*) n from progetto")).toBe(12);
    expect(
      t.sqlite.prepare("select official_state s from progetto where official_window = 2").get(),
    ).toEqual({ s: "E" });

    expect(sources()).toEqual([
      {
        file: "candidature_finanziate_141.csv",
        checked: "2025-04-02T02:00:00.000Z",
        seen: "2025-04-02T02:00:00.000Z",
        changed: "2025-04-02T02:00:00.000Z",
        file_date: "2025-03-31",
        ok: 1,
        outcome: expect.stringMatching(/^importato: 1 progetti creati/),
      },
      {
        file: "candidature_finanziate_12.csv",
        checked: "2025-04-02T02:00:00.000Z",
        seen: "2025-04-02T02:00:00.000Z",
        changed: "2025-04-01T02:00:00.000Z",
        file_date: "2025-03-31",
        ok: 1,
        outcome: "invariato (304)",
      },
      {
        file: "candidature_finanziate_131.csv",
        checked: "2025-04-02T02:00:00.000Z",
        seen: null,
        changed: null,
        file_date: null,
        ok: 0,
        outcome: "file non trovato (404): nulla importato",
      },
      {
        file: "candidature_finanziate_143.csv",
        checked: "2025-04-02T02:00:00.000Z",
        seen: null,
        changed: null,
        file_date: null,
        ok: 0,
        outcome: "file non trovato (404): nulla importato",
      },
    ]);
  });

  it("refuses a file whose last row was cut without a length to check, importing nothing", async () => {
    published = { "candidature_finanziate_141.csv": NEWER.slice(0, NEWER.length - 100) };
    const [result] = await sync("2025-04-01T02:00:00Z");
    expect(result?.outcome).toBe("errore");
    expect(result?.message).toMatch(/^file rifiutato, nulla importato: 1 righe non leggibili/);
    expect(count("select count(*) n from progetto")).toBe(0);
  });
});

describe("the command", () => {
  it("syncs every measure from the base URL given, and exits 1 when a file is missing", async () => {
    published = { "candidature_finanziate_141.csv": NEWER };
    const { spawn } = await import("node:child_process");
    const child = spawn(
      process.execPath,
      ["scripts/cli.mjs", "sync-opendata", "--base-url", baseUrl],
      { env: { ...process.env, CRUSCOTTO_DATA_DIR: t.dir } },
    );
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(status).toBe(1);
    expect(stdout).toContain(
      `${baseUrl}/candidature_finanziate_141.csv: importato: 8 progetti creati`,
    );
    expect(stdout).toContain(
      `${baseUrl}/candidature_finanziate_145.csv: file non trovato (404): nulla importato`,
    );
    expect(requests.map((r) => path.basename(r.url))).toEqual([
      "candidature_finanziate_11.csv",
      "candidature_finanziate_12.csv",
      "candidature_finanziate_131.csv",
      "candidature_finanziate_141.csv",
      "candidature_finanziate_143.csv",
      "candidature_finanziate_144.csv",
      "candidature_finanziate_145.csv",
    ]);
    expect(count("select count(*) n from progetto")).toBe(8);
  }, 30_000);
});
