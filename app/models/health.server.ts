/**
 * Whether this instance can serve: database reachable and intact, schema current, data
 * folder writable.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
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

/** PRAGMA quick_check reads the whole file: once per interval, whatever the polling rate. */
const INTEGRITY_INTERVAL_MS = 30_000;
let lastIntegrity: { at: number; check: Check } | undefined;

function checkIntegrity(db: Db, now: number): Check {
  if (lastIntegrity && now - lastIntegrity.at < INTEGRITY_INTERVAL_MS) return lastIntegrity.check;
  const check = attempt(() => {
    const rows = db.$client.pragma("quick_check") as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    if (problems.length)
      throw new Error(`database danneggiato (quick_check): ${problems[0]?.slice(0, 200)}`);
  });
  lastIntegrity = { at: now, check };
  return check;
}

export function checkHealth(db: Db, dataDir: string, now = Date.now()) {
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
  const integrity = database.ok ? checkIntegrity(db, now) : database;
  return {
    ok: database.ok && integrity.ok && migrations.ok && dataFolder.ok,
    checks: { database, integrity, migrations, dataFolder },
  };
}
