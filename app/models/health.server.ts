/**
 * Whether this instance can serve: database reachable and intact, schema current, data
 * folder writable.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db/connection";
import { MIGRATIONS_DIR } from "../../db/migrate";

type Check = { ok: true } | { ok: false; error: string };

function attempt(fn: () => void): Check {
  try {
    fn();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * PRAGMA quick_check reads the whole file: once per interval, whatever the polling rate, and
 * in a worker thread with its own read-only connection, so that reading a large database
 * never holds up the requests (it did: /healthz took 150 ms and more on the event loop).
 */
const INTEGRITY_INTERVAL_MS = 30_000;
let lastIntegrity: { at: number; check: Check } | undefined;
let running: Promise<Check> | undefined;

const QUICK_CHECK = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const problems = db.pragma("quick_check").map((r) => r.quick_check).filter((r) => r !== "ok");
  db.close();
  parentPort.postMessage({ problems });
} catch (error) {
  parentPort.postMessage({ error: error.message });
}`;

function quickCheckInWorker(file: string): Promise<Check> {
  return new Promise((resolve) => {
    const worker = new Worker(QUICK_CHECK, { eval: true, workerData: { file } });
    worker.once("message", (m: { problems?: string[]; error?: string }) => {
      const first = m.problems?.[0];
      if (m.error) resolve({ ok: false, error: m.error });
      else if (first)
        resolve({ ok: false, error: `database danneggiato (quick_check): ${first.slice(0, 200)}` });
      else resolve({ ok: true });
    });
    worker.once("error", (error) => resolve({ ok: false, error: error.message }));
  });
}

/** The last result while the next is made; the first request waits for the first result. */
function checkIntegrity(db: Db, now: number): Check | Promise<Check> {
  if (lastIntegrity && now - lastIntegrity.at < INTEGRITY_INTERVAL_MS) return lastIntegrity.check;
  running ??= quickCheckInWorker(db.$client.name).then((check) => {
    lastIntegrity = { at: Date.now(), check };
    running = undefined;
    return check;
  });
  return lastIntegrity ? lastIntegrity.check : running;
}

export async function checkHealth(db: Db, dataDir: string, now = Date.now()) {
  const database = attempt(() => {
    db.$client.prepare("select 1").get();
  });
  const migrations = attempt(() => {
    const journal = JSON.parse(
      readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    const applied = (
      db.$client.prepare("select count(*) n from __drizzle_migrations").get() as { n: number }
    ).n;
    if (applied !== journal.entries.length)
      throw new Error(`${applied} migrazioni applicate su ${journal.entries.length}`);
  });
  const dataFolder = attempt(() => {
    const probe = path.join(dataDir, `.healthz-${randomBytes(6).toString("hex")}`);
    writeFileSync(probe, "ok");
    rmSync(probe);
    readdirSync(dataDir);
  });
  const integrity = database.ok ? await checkIntegrity(db, now) : database;
  return {
    ok: database.ok && integrity.ok && migrations.ok && dataFolder.ok,
    checks: { database, integrity, migrations, dataFolder },
  };
}
