/** Whether this instance can serve: database reachable, schema current, data folder writable. */
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

export function checkHealth(db: Db, dataDir: string) {
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
  return {
    ok: database.ok && migrations.ok && dataFolder.ok,
    checks: { database, migrations, dataFolder },
  };
}
