/**
 * The public pages layer keeps whole responses in memory, and lets documents stream past it
 * only when the path contains "/documenti/" in lower case. The router matches any case, so
 * ".../documenti/ID" sends a published document through the buffer: every anonymous request
 * holds the whole file in memory at once. And on the canonical path, the Express adapter
 * writes a streamed response without waiting for the client to read it, so a client that
 * reads nothing makes the server queue the whole file in memory too.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { rssMb, serverPid } from "../support/attack";
import { query } from "../support/http";

const SIZE = 25 * 1024 * 1024; // The default upload limit.
const PARALLEL = 10;

let app: RunningApp;
let documentPath: string;

// A fresh server for each test: memory freed by one test would hide the growth of the next.
beforeEach(async () => {
  app = await startApp();
  const bytes = Buffer.alloc(SIZE, 0x20);
  bytes.write("%PDF-1.4\n");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  mkdirSync(path.join(app.filesDir, sha256.slice(0, 2)), { recursive: true });
  writeFileSync(path.join(app.filesDir, sha256.slice(0, 2), sha256), bytes);
  const [progetto] = query<{ id: number; istat: string }>(
    app,
    "select p.id, c.codice_istat istat from progetto p join comune c on c.id = p.comune_id where p.cup = 'G51F22003070006'",
  ) as [{ id: number; istat: string }];
  const db = new Database(app.databaseFile);
  const { lastInsertRowid } = db
    .prepare(
      "insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable) values (?, 'altro', 'Relazione', 'relazione.pdf', ?, ?, 'application/pdf', 1)",
    )
    .run(progetto.id, sha256, SIZE);
  db.close();
  documentPath = `/attuazione/${progetto.istat}/progetti/${progetto.id}/Documenti/${lastInsertRowid}`;
});
afterEach(() => app?.stop());

/** Asks for a path on PARALLEL connections that then read nothing, as a slow client would. */
async function stalledDownloads(path: string): Promise<number> {
  const pid = serverPid(app);
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 20);
  const { hostname, port, host } = new URL(app.url);
  const sockets = Array.from({ length: PARALLEL }, () => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      socket.pause();
    });
    socket.on("error", () => {});
    return socket;
  });
  await new Promise((r) => setTimeout(r, 3_000));
  clearInterval(sampler);
  for (const socket of sockets) socket.destroy();
  return peak - before;
}

// Streamed with backpressure, a stalled download holds a few chunks; buffered, the whole file.
const BOUND_MB = (PARALLEL * SIZE) / 1024 / 1024 / 3;

it("streams a published document to slow clients instead of queueing all of it", async () => {
  const growth = await stalledDownloads(documentPath.replace("/Documenti/", "/documenti/"));
  expect(growth, `server memory grew by ${Math.round(growth)} MB`).toBeLessThan(BOUND_MB);
});

it("does not read a published document into memory when its path is spelled in another case", async () => {
  const growth = await stalledDownloads(documentPath);
  expect(growth, `server memory grew by ${Math.round(growth)} MB`).toBeLessThan(BOUND_MB);
});
