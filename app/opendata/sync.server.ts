/**
 * Keeps the official files current by itself: downloads each measure's file with a
 * conditional request, imports what changed, records what it saw. A download that is not
 * whole (short of its Content-Length, or cut off) is never imported.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { opendataSource } from "../../db/schema";
import { ImportRejected, type ImportSummary, importOfficialFile } from "./import.server";
import { rebuildOverviewSummary } from "./overview-summary.server";
import { UnreadableFile } from "./read.server";

/** The public repository of PA digitale 2026 open data, folder data/. */
export const DEFAULT_OPENDATA_BASE_URL =
  "https://raw.githubusercontent.com/teamdigitale/padigitale2026-opendata/main/data";

/** One file per measure, all in the format of the candidature finanziate. */
export const MEASURE_FILES = [
  "candidature_finanziate_11.csv",
  "candidature_finanziate_12.csv",
  "candidature_finanziate_131.csv",
  "candidature_finanziate_141.csv",
  "candidature_finanziate_143.csv",
  "candidature_finanziate_144.csv",
  "candidature_finanziate_145.csv",
] as const;

export interface SyncOptions {
  baseUrl: string;
  files?: readonly string[];
  skipInvalid?: boolean;
  /** Per file, for the whole download. */
  timeoutMs?: number;
  now?: () => Date;
  /** Called as each file starts and ends, for a progress bar. */
  onProgress?: (event: { index: number; total: number; url: string; done: boolean }) => void;
  /** Passed to each import (see ImportOptions.onRow). */
  onRow?: (count: number) => void;
}

export type SyncOutcome = "importato" | "invariato" | "errore";

export interface SourceResult {
  url: string;
  outcome: SyncOutcome;
  /** In Italian, for the admin; the same text is stored with the source. */
  message: string;
  summary?: ImportSummary;
}

type Source = typeof opendataSource.$inferSelect;

class Incomplete extends Error {}

/** Streams the body to a file, hashing it; refuses one shorter than its Content-Length. */
async function download(response: Response, file: string): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  // The file opens asynchronously: an error of the stream (even after a destroy, once its
  // folder is gone) is awaited below, never left to crash the process.
  const closed = finished(out);
  closed.catch(() => {});
  let bytes = 0;
  try {
    if (response.body)
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        bytes += chunk.length;
        if (!out.write(chunk)) await Promise.race([once(out, "drain"), closed]);
      }
  } catch (error) {
    out.destroy();
    await closed.catch(() => {});
    throw new Incomplete(`download interrotto dopo ${bytes} byte (${(error as Error).message})`);
  }
  out.end();
  await closed;
  const expected = Number(response.headers.get("content-length") ?? Number.NaN);
  // With compression, Content-Length counts the compressed bytes: compare only without it.
  if (!response.headers.get("content-encoding") && Number.isFinite(expected) && bytes < expected)
    throw new Incomplete(`download incompleto: ${bytes} byte su ${expected}`);
  return hash.digest("hex");
}

export async function syncOpenData(db: Db, options: SyncOptions): Promise<SourceResult[]> {
  const now = options.now ?? (() => new Date());
  const files = options.files ?? MEASURE_FILES;
  const base = options.baseUrl.replace(/\/+$/, "");
  const dir = mkdtempSync(path.join(tmpdir(), "cruscotto-sync-"));
  const results: SourceResult[] = [];
  let changed = false;
  try {
    for (const [index, name] of files.entries()) {
      const url = `${base}/${name}`;
      options.onProgress?.({ index, total: files.length, url, done: false });
      const result = await syncOne(db, url, path.join(dir, `${index}.csv`), options, now);
      if (result.summary && result.summary.created + result.summary.updated + result.summary.enti)
        changed = true;
      results.push(result);
      options.onProgress?.({ index, total: files.length, url, done: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (changed) rebuildOverviewSummary(db.$client);
  return results;
}

async function syncOne(
  db: Db,
  url: string,
  file: string,
  options: SyncOptions,
  now: () => Date,
): Promise<SourceResult> {
  const known =
    db.select().from(opendataSource).where(eq(opendataSource.url, url)).get() ??
    db.insert(opendataSource).values({ url }).returning().get();
  const checkedAt = now().toISOString();
  const record = (
    outcome: SyncOutcome,
    message: string,
    changes: Partial<Source> = {},
    summary?: ImportSummary,
  ): SourceResult => {
    db.update(opendataSource)
      .set({
        ...changes,
        lastCheckedAt: checkedAt,
        lastOutcome: message,
        lastOk: outcome !== "errore",
      })
      .where(eq(opendataSource.id, known.id))
      .run();
    return { url, outcome, message, summary };
  };

  const headers: Record<string, string> = {};
  if (known.etag) headers["If-None-Match"] = known.etag;
  if (known.lastModified) headers["If-Modified-Since"] = known.lastModified;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
  } catch (error) {
    return record("errore", `server non raggiungibile: ${(error as Error).message}`);
  }
  if (response.status === 304) {
    return record("invariato", "invariato (304)", { lastSeenAt: checkedAt });
  }
  if (!response.ok) {
    await response.body?.cancel();
    const what =
      response.status === 404 ? "file non trovato (404)" : `errore HTTP ${response.status}`;
    return record("errore", `${what}: nulla importato`);
  }
  let sha256: string;
  try {
    sha256 = await download(response, file);
  } catch (error) {
    if (error instanceof Incomplete) return record("errore", `${error.message}: nulla importato`);
    throw error;
  }
  const validators = {
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
    sha256,
    lastSeenAt: checkedAt,
  };
  // The server ignored the conditional request, but the bytes are the same.
  if (sha256 === known.sha256)
    return record("invariato", "invariato (stesso contenuto)", validators);
  try {
    const summary = importOfficialFile(db, file, {
      skipInvalid: options.skipInvalid ?? false,
      dryRun: false,
      onRow: options.onRow,
    });
    return record(
      "importato",
      `importato: ${summary.created} progetti creati, ${summary.updated} aggiornati, ${summary.unchanged} invariati, ${summary.skipped} righe scartate (dati al ${summary.fileDate})`,
      { ...validators, lastChangedAt: checkedAt, fileDate: summary.fileDate },
      summary,
    );
  } catch (error) {
    // Not stored as seen: the next run downloads it again.
    if (error instanceof ImportRejected)
      return record("errore", `file rifiutato, nulla importato: ${error.message}`);
    if (error instanceof UnreadableFile)
      return record("errore", `file rifiutato, nulla importato: ${error.message}`);
    throw error;
  }
}
